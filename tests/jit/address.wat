;; Loads whose address is an i32.add of a constant (the translator folds the add into the load:
;; JitTest). The add wraps at 2^32 before the offset is added; the offset does not wrap.
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10")
  (func (export "w32") (param $p i32) (result i32)
    (i32.load offset=4 (i32.add (local.get $p) (i32.const 8))))
  (func (export "u8") (param $p i32) (result i32)
    (i32.load8_u offset=1 (i32.add (local.get $p) (i32.const -16))))
  (func (export "s16") (param $p i32) (result i32)
    (i32.load16_s (i32.add (local.get $p) (i32.const 0x7fffffff))))
  ;; the add's result is also kept in a local: the add stays
  (func (export "tee") (param $p i32) (result i32)
    (local $q i32)
    (i32.add (i32.load8_u (local.tee $q (i32.add (local.get $p) (i32.const 3)))) (local.get $q)))
  ;; a loop summing bytes through folded addresses (tier-up by OSR in tiered mode)
  (func (export "sum") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s)
        (i32.load8_u (i32.add (i32.and (local.get $i) (i32.const 7)) (i32.const 8)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s)))
