;; Chains of f32 / f64 arithmetic, each operator consuming the one before (the translator fuses
;; them into one template that keeps the intermediate values as Java doubles: JitTest). Every
;; Wasm operator still rounds: f32 to float after each step.
(module
  (memory 1)
  ;; 0: 1.5 (f64), 8: a signalling NaN with a payload (f64), 16: 2.25 (f64), 24: an f32 NaN
  ;; with a payload, then -1.5 (f32)
  (data (i32.const 0) "\00\00\00\00\00\00\f8\3f" "\01\00\00\00\00\00\f0\7f" "\00\00\00\00\00\00\02\40"
    "\01\00\a0\7f" "\00\00\c0\bf")
  ;; loads that start chains, their addresses i32.adds folded in: f64 at p + 16 plus f64 at p
  (func (export "ldadd") (param $p i32) (result f64)
    (f64.add (f64.load offset=8 (i32.add (local.get $p) (i32.const 8))) (f64.load (local.get $p))))
  ;; the f32 at p + 4 times the f32 at p + 4 (read again), minus 1
  (func (export "ld32") (param $p i32) (result f32)
    (f32.sub (f32.mul (f32.load (i32.add (local.get $p) (i32.const 4))) (f32.load offset=4 (local.get $p)))
      (f32.const 1)))
  ;; a load alone keeps its bits, a NaN's payload included
  (func (export "ldbits") (param $p i32) (result i64)
    (i64.reinterpret_f64 (f64.load offset=4 (i32.add (local.get $p) (i32.const 4)))))
  (func (export "ld32bits") (param $p i32) (result i32)
    (i32.reinterpret_f32 (f32.load (i32.add (local.get $p) (i32.const 24)))))
  ;; a*b + c in f32: the product is rounded to float before the add
  (func (export "f32muladd") (param $a f32) (param $b f32) (param $c f32) (result f32)
    (f32.add (f32.mul (local.get $a) (local.get $b)) (local.get $c)))
  ;; c - a*b*d (the chain's value as the right operand of the sub)
  (func (export "f32msub") (param $a f32) (param $b f32) (param $c f32) (param $d f32) (result f32)
    (f32.sub (local.get $c) (f32.mul (f32.mul (local.get $a) (local.get $b)) (local.get $d))))
  ;; sqrt(a*a + b*b) / c in f32
  (func (export "f32hyp") (param $a f32) (param $b f32) (param $c f32) (result f32)
    (f32.div (f32.sqrt (f32.add (f32.mul (local.get $a) (local.get $a)) (f32.mul (local.get $b) (local.get $b))))
      (local.get $c)))
  (func (export "f64muladd") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.add (f64.mul (local.get $a) (local.get $b)) (local.get $c)))
  ;; c / ((a - b) * (a - b)) - a, the result written back to a local first
  (func (export "f64rdiv") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (local $x f64)
    (local.set $x (f64.sub (f64.div (local.get $c) (f64.mul (f64.sub (local.get $a) (local.get $b))
      (f64.sub (local.get $a) (local.get $b)))) (local.get $a)))
    (local.get $x))
  ;; a = a*b + a: the chain reads the local it writes
  (func (export "f64self") (param $a f64) (param $b f64) (result f64)
    (local.set $a (f64.add (f64.mul (local.get $a) (local.get $b)) (local.get $a)))
    (local.get $a))
  ;; dt / (d2 * sqrt(d2)) with d2 = dx*dx + dy*dy (nbody's step)
  (func (export "f64mag") (param $dx f64) (param $dy f64) (result f64)
    (local $d2 f64)
    (f64.div (f64.const 0.01)
      (f64.mul (local.tee $d2 (f64.add (f64.mul (local.get $dx) (local.get $dx)) (f64.mul (local.get $dy) (local.get $dy))))
        (f64.sqrt (local.get $d2)))))
  ;; constants in the steps: 0.1 * a + b in f32 (the constant on the left of a mul), (a - 1.5) / 3
  ;; in f64 (on the right of a sub, then a div), 2 / a (on the left of a div)
  (func (export "f32konst") (param $a f32) (param $b f32) (result f32)
    (f32.add (f32.mul (f32.const 0.1) (local.get $a)) (local.get $b)))
  (func (export "f64konst") (param $a f64) (result f64)
    (f64.div (f64.sub (local.get $a) (f64.const 1.5)) (f64.const 3)))
  (func (export "f64kdiv") (param $a f64) (result f64)
    (f64.div (f64.const 2) (local.get $a)))
  ;; a loop of chains (tier-up by OSR in tiered mode): s = s*k + i
  (func (export "f64loop") (param $n i32) (param $k f64) (result f64)
    (local $i i32) (local $s f64)
    (loop $l
      (local.set $s (f64.add (f64.mul (local.get $s) (local.get $k)) (f64.convert_i32_s (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s)))
