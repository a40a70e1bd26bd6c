;; Tier-switching scenarios for JitTest: a long loop in one call (on-stack replacement),
;; recursion (tier-up on calls), a loop through an operator without a template (exits to the
;; interpreter and re-entry at the loop header), traps in compiled code, a runaway loop and a
;; runaway recursion-free call chain (fuel and interruption).
(module
  (type $t (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $id)
  (memory 1)
  (func $id (type $t) (local.get 0))

  ;; sum of i for i < n, one call: runs interpreted until OSR at the loop header
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  ;; table.get has no template: each iteration leaves compiled code and comes back at the header
  (func (export "nulls") (param $n i32) (result i32)
    (local $i i32) (local $count i32)
    (loop $next
      (if (ref.is_null (table.get 0 (i32.and (local.get $i) (i32.const 1))))
        (then (local.set $count (i32.add (local.get $count) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $count))

  ;; a loop that stores and loads, then traps out of bounds at i = n
  (func (export "walk") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $next
      (i32.store (i32.mul (local.get $i) (i32.const 4)) (local.get $i))
      (local.set $s (i32.add (local.get $s) (i32.load (i32.mul (local.get $i) (i32.const 4)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.le_u (local.get $i) (local.get $n))))
    (local.get $s))

  (func (export "spin") (loop $l (br $l)))

  ;; runaway without a loop: an exponential call tree that returns eventually (fib(60))
  (func (export "calls") (result i32) (call $fib (i32.const 60)))

  (func (export "indirect") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $next
      (local.set $s (i32.add (local.get $s) (call_indirect (type $t) (local.get $i) (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $s))
)
