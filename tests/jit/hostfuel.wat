;; Fuel across host calls made from compiled code (JitTest): `outer` loops n times, calling the
;; host each round; the host reads the fuel, calls `inner` (which spends fuel in a loop of its
;; own) and may set the fuel anew.
(module
  (import "env" "cb" (func $cb (param i32) (result i32)))
  (func $inner (export "inner") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s))
  (func (export "outer") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $cb (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s)))
