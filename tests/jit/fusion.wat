;; One function per superinstruction of Tuning.fuseMore (JitFusionTest runs each in every mode
;; against the interpreter, with edge values, traps and fuel). Built with wat2wasm; the .wasm is
;; committed.
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10\80\ff\7f\fe")
  (data (i32.const 65528) "\f1\f2\f3\f4\f5\f6\f7\f8")
  ;; i32.load_ss: a + b wraps at 2^32, then the offset (which does not wrap)
  (func (export "ss") (param $a i32) (param $b i32) (result i32)
    (i32.load offset=4 (i32.add (local.get $a) (local.get $b))))
  ;; i32.load_shk: (i << 2) + 4, then offset 2
  (func (export "shk") (param $i i32) (result i32)
    (i32.load offset=2 (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 4))))
  ;; no add (k = 0); a shift count of 33 is 1
  (func (export "sh33") (param $i i32) (result i32)
    (i32.load (i32.shl (local.get $i) (i32.const 33))))
  ;; i32.load8_u_mk: (i & 15) + 3, offset 1
  (func (export "mk") (param $i i32) (result i32)
    (i32.load8_u offset=1 (i32.add (i32.and (local.get $i) (i32.const 15)) (i32.const 3))))
  ;; no add, a large offset: traps once i & 255 >= 6
  (func (export "mk0") (param $i i32) (result i32)
    (i32.load8_u offset=65530 (i32.and (local.get $i) (i32.const 255))))
  ;; a negative constant: i = 16 reads byte 0, i = 0 wraps to 2^32 - 16 and traps
  (func (export "mkneg") (param $i i32) (result i32)
    (i32.load8_u (i32.add (i32.and (local.get $i) (i32.const -1)) (i32.const -16))))
  ;; br.i32.add_ne_si: counts from p up to 0x80000001, wrapping through 2^31
  (func (export "count") (param $p i32) (result i32)
    (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $p)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (i32.ne (local.get $p) (i32.const 0x80000001))))
    (local.get $s))
  ;; br.add_nz: n, n - 1, ..., 1 (the decremented counter is kept with local.tee)
  (func (export "down") (param $n i32) (result i32)
    (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $n)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $s))
  ;; i32.shl_xor_si (shift count 35 is 3) and i32.shr_u_xor_si (the shift as the second operand)
  (func (export "shlxor") (param $a i32) (param $b i32) (result i32)
    (i32.xor (i32.shl (local.get $a) (i32.const 35)) (local.get $b)))
  (func (export "xorshr") (param $a i32) (param $b i32) (result i32)
    (i32.xor (local.get $b) (i32.shr_u (local.get $a) (i32.const 7))))
  ;; i32.add3_ss, either operand order; i32.add_ss_si; i32.mul_add_ss
  (func (export "add3") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (i32.add (i32.add (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "add3r") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (i32.add (local.get $c) (i32.add (local.get $a) (local.get $b))))
  (func (export "addk") (param $a i32) (param $b i32) (result i32)
    (i32.add (i32.add (local.get $a) (local.get $b)) (i32.const 0x7fffffff)))
  (func (export "muladd") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (i32.add (i32.mul (local.get $a) (local.get $b)) (local.get $c)))
  ;; i32.xor_load8_u, i32.mul_load (the load as either operand), i32.mul_load16_s
  (func (export "xorld") (param $p i32) (param $q i32) (result i32)
    (i32.xor (local.get $q) (i32.load8_u offset=2 (i32.add (local.get $p) (i32.const 1)))))
  (func (export "mulld") (param $p i32) (param $q i32) (result i32)
    (i32.mul (local.get $q) (i32.load (i32.add (local.get $p) (i32.const 4)))))
  (func (export "mulld2") (param $p i32) (param $q i32) (result i32)
    (i32.mul (i32.load offset=1 (local.get $p)) (local.get $q)))
  (func (export "mul16") (param $p i32) (param $q i32) (result i32)
    (i32.mul (local.get $q) (i32.load16_s (i32.add (local.get $p) (i32.const -2)))))
  ;; i32.rotl_si / i32.rotr_si: counts 33 (1), 7, 0 and -1 (31)
  (func (export "rotl33") (param $a i32) (result i32) (i32.rotl (local.get $a) (i32.const 33)))
  (func (export "rotr7") (param $a i32) (result i32) (i32.rotr (local.get $a) (i32.const 7)))
  (func (export "rotl0") (param $a i32) (result i32) (i32.rotl (local.get $a) (i32.const 0)))
  (func (export "rotrm1") (param $a i32) (result i32) (i32.rotr (local.get $a) (i32.const -1)))
  ;; a loop over all of them (tier-up by OSR in tiered mode)
  (func (export "mix") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (i32.add (local.get $s)
        (i32.load offset=2 (i32.add (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 2)) (i32.const 4))))
        (i32.xor (i32.shl (local.get $s) (i32.const 5)) (i32.load8_u (i32.add (i32.and (local.get $i) (i32.const 15)) (i32.const 3))))))
      (local.set $s (i32.add (i32.mul (local.get $s) (i32.load16_s offset=16 (i32.const 0))) (local.get $i)))
      (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $s)))
