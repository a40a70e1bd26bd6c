;; Inlining of small leaves (Tuning.inline), for JitInlineTest and JitReport's "inline" kernel:
;; leaf callees of every shape the translator inlines (0 to 4 parameters, 0, 1 and 2 results,
;; locals read before and after they are written, parameters written, loads, stores, division and
;; unreachable that trap), each called from an exported caller with values below the arguments,
;; a recursion whose leaf is inlined, and a call-heavy kernel of min/max/abs/clamp/get-pixel
;; helpers (the shape -O0/-O1 or cross-module C leaves behind). Built with wat2wasm; the .wasm
;; is committed.
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10")
  (global $g (mut i32) (i32.const 0))

  (func $min (param i32 i32) (result i32)
    (select (local.get 0) (local.get 1) (i32.lt_s (local.get 0) (local.get 1))))
  (func $max (export "max") (param i32 i32) (result i32)
    (select (local.get 0) (local.get 1) (i32.gt_s (local.get 0) (local.get 1))))
  (func $abs (param i32) (result i32)
    (select (i32.sub (i32.const 0) (local.get 0)) (local.get 0) (i32.lt_s (local.get 0) (i32.const 0))))
  (func $clamp (param $x i32) (param $lo i32) (param $hi i32) (result i32)
    (local $t i32)
    (local.set $t (select (local.get $x) (local.get $lo) (i32.gt_s (local.get $x) (local.get $lo))))
    (select (local.get $t) (local.get $hi) (i32.lt_s (local.get $t) (local.get $hi))))
  ;; one byte of a 64 x 64 image at 1024 (traps past the memory)
  (func $pix (param $x i32) (param $y i32) (result i32)
    (i32.load8_u offset=1024 (i32.add (i32.shl (local.get $y) (i32.const 6)) (local.get $x))))
  (func $quot (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $never (param i32) (result i32) (unreachable))
  (func $k (result i32) (i32.const 42))
  (func $nothing)
  (func $swap (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
  (func $consts (result i32 i64 i32) (i32.const -1) (i64.const 0x123456789) (i32.const 7))
  ;; a local read before it is written (0), a parameter written, then read
  (func $locals (param $a i32) (param $b i32) (result i32)
    (local $u i32) (local $v i64)
    (local.set $b (i32.add (local.get $u) (i32.mul (local.get $b) (i32.const 3))))
    (local.set $u (i32.add (local.get $a) (local.get $b)))
    (i32.add (local.get $u) (i32.wrap_i64 (local.get $v))))
  ;; a tee of a parameter the entry below still reads as the argument
  (func $tee (param $a i32) (result i32)
    (i32.sub (local.get $a) (local.tee $a (i32.mul (local.get $a) (local.get $a)))))
  ;; two stores, the second one traps when $a is near the end: the first one stays
  (func $store2 (param $a i32) (param $v i32)
    (i32.store (local.get $a) (local.get $v))
    (i32.store offset=8 (local.get $a) (i32.add (local.get $v) (i32.const 1)))
    (global.set $g (local.get $v)))
  (func $four (param i32 i64 i32 i64) (result i64)
    (i64.add (i64.extend_i32_u (i32.sub (local.get 0) (local.get 2))) (i64.mul (local.get 1) (local.get 3))))

  (func (export "c_min") (param i32 i32) (result i32) (i32.add (i32.const 1000) (call $min (local.get 0) (local.get 1))))
  (func (export "c_max") (param i32 i32) (result i32) (i32.sub (local.get 1) (call $max (local.get 0) (i32.const 5))))
  (func (export "c_abs") (param i32) (result i32) (local $r i32) (local.set $r (call $abs (local.get 0))) (local.get $r))
  (func (export "c_clamp") (param i32) (result i32) (call $clamp (local.get 0) (i32.const -10) (i32.const 100)))
  (func (export "c_pix") (param i32 i32) (result i32)
    (i32.mul (i32.const 3) (call $pix (local.get 0) (local.get 1))))
  (func (export "c_quot") (param i32 i32) (result i32) (i32.add (local.get 0) (call $quot (local.get 0) (local.get 1))))
  (func (export "c_never") (param i32) (result i32)
    (if (result i32) (local.get 0) (then (call $never (local.get 0))) (else (i32.const 9))))
  (func (export "c_k") (param i32) (result i32) (i32.add (local.get 0) (call $k)))
  (func (export "c_nothing") (param i32) (result i32) (call $nothing) (local.get 0))
  (func (export "c_swap") (param i32 i32) (result i32)
    (local $x i32) (local $y i32)
    (call $swap (local.get 0) (i32.add (local.get 1) (i32.const 1)))
    (local.set $y) (local.set $x)
    (i32.sub (i32.mul (local.get $x) (i32.const 10)) (local.get $y)))
  (func (export "c_consts") (param i32) (result i32)
    (call $consts)
    (drop)
    (i32.add (i32.wrap_i64))
    (i32.add (local.get 0)))
  (func (export "c_locals") (param i32 i32) (result i32)
    (i32.xor (local.get 1) (call $locals (local.get 0) (local.get 1))))
  (func (export "c_tee") (param i32) (result i32) (call $tee (local.get 0)))
  (func (export "c_store") (param i32 i32) (result i32)
    (call $store2 (local.get 0) (local.get 1))
    (i32.load (local.get 0)))
  (func (export "c_four") (param i32) (result i32)
    (i32.wrap_i64 (call $four (local.get 0) (i64.const 3) (i32.const 2) (i64.extend_i32_s (local.get 0)))))
  ;; the call's result and a branch's meet at a label before a local.set: the set must not be
  ;; folded into the callee's last template
  (func (export "c_merge") (param i32 i32) (result i32) (local $x i32)
    (local.set $x (block (result i32)
      (drop (br_if 0 (i32.const 5) (local.get 1)))
      (call $min (local.get 0) (i32.const 3))))
    (i32.add (local.get $x) (i32.const 100)))
  ;; the store before the trap: what $store2 left at $a, read after it trapped
  (func (export "peek") (param i32) (result i32) (i32.add (i32.load (local.get 0)) (global.get $g)))

  ;; recursion with a leaf inlined at every level (exhausts the frames for a large n)
  (func $rec (export "rec") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (call $min (local.get $n) (i32.const 3)))
      (else (i32.add (call $min (local.get $n) (i32.const 3)) (call $rec (i32.sub (local.get $n) (i32.const 1)))))))

  ;; the call-heavy kernel: n pixels of the 64 x 64 image at 1024, clamped, with running min/max/abs
  (func (export "fill") (local $i i32)
    (loop $next
      (i32.store8 offset=1024 (local.get $i) (i32.mul (local.get $i) (i32.const 37)))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 4096)))))
  (func (export "kernel") (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $p i32) (local $lo i32) (local $hi i32)
    (local.set $lo (i32.const 255))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (call $clamp
          (i32.sub (call $pix (i32.and (local.get $i) (i32.const 63)) (i32.and (i32.shr_u (local.get $i) (i32.const 6)) (i32.const 63)))
                   (call $pix (i32.and (i32.add (local.get $i) (i32.const 1)) (i32.const 63)) (i32.and (i32.shr_u (local.get $i) (i32.const 6)) (i32.const 63))))
          (i32.const -100) (i32.const 100)))
        (local.set $lo (call $min (local.get $lo) (local.get $p)))
        (local.set $hi (call $max (local.get $hi) (local.get $p)))
        (local.set $s (i32.add (local.get $s) (call $abs (local.get $p))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (local.get $s) (i32.mul (i32.sub (local.get $hi) (local.get $lo)) (i32.const 65536))))
)
