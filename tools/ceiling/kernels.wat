(module
  (memory 1)
  ;; best case for register templates: locals only, i32 ALU, one counted loop
  (func (export "alu") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local.set $a (i32.const 1)) (local.set $b (i32.const 2))
    (loop $l
      (local.set $c (i32.add (local.get $a) (local.get $b)))
      (local.set $d (i32.xor (local.get $c) (local.get $a)))
      (local.set $a (i32.add (local.get $d) (local.get $b)))
      (local.set $b (i32.and (local.get $a) (local.get $c)))
      (local.set $c (i32.sub (local.get $b) (local.get $d)))
      (local.set $d (i32.or (local.get $c) (local.get $a)))
      (local.set $a (i32.add (local.get $a) (local.get $d)))
      (local.set $b (i32.xor (local.get $b) (local.get $c)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (local.get $a) (local.get $b)))
  ;; loads: sum of a word array
  (func (export "load") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $o
      (local.set $i (i32.const 0))
      (loop $l
        (local.set $s (i32.add (local.get $s) (i32.load (local.get $i))))
        (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 4096))))
      (br_if $o (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  ;; f64 locals
  (func (export "f64") (param $n i32) (result i32)
    (local $x f64) (local $y f64) (local $z f64)
    (local.set $x (f64.const 1.5)) (local.set $y (f64.const 0.25))
    (loop $l
      (local.set $z (f64.add (f64.mul (local.get $x) (local.get $y)) (local.get $z)))
      (local.set $x (f64.sub (local.get $x) (f64.mul (local.get $z) (f64.const 0.001))))
      (local.set $y (f64.add (local.get $y) (f64.const 0.0001)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.trunc_sat_f64_s (f64.mul (local.get $z) (f64.const 1000))))
)
