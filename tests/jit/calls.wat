;; Calls in the JIT tier, for JitCallsTest: call_indirect sites whose table slot keeps or changes
;; its function (the inline cache's hits and misses: table.set, table.init, a table grown by the
;; host), slots that trap (null, wrong signature, out of bounds) and recursion through the table.
(module
  (type $t (func (param i32) (result i32)))
  (type $u (func (param i32 i32) (result i32)))
  (table $tab (export "tab") 4 funcref)
  (elem (i32.const 0) $inc $dbl $two)
  (elem $later func $dbl $inc)
  (func $inc (export "inc") (type $t) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (export "dbl") (type $t) (i32.mul (local.get 0) (i32.const 2)))
  (func $two (type $u) (i32.add (local.get 0) (local.get 1)))

  ;; sum over i < n of the function in table slot $slot applied to i
  (func (export "loop") (param $n i32) (param $slot i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (call_indirect (type $t) (local.get $i) (local.get $slot))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; the same, alternating between slots $a and $b every iteration
  (func (export "alternate") (param $n i32) (param $a i32) (param $b i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (call_indirect (type $t) (local.get $i)
            (select (local.get $a) (local.get $b) (i32.and (local.get $i) (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; slot $slot := inc (0) or dbl (otherwise)
  (func (export "point") (param $slot i32) (param $which i32)
    (if (local.get $which)
      (then (table.set $tab (local.get $slot) (ref.func $dbl)))
      (else (table.set $tab (local.get $slot) (ref.func $inc)))))

  ;; slot $slot := dbl, from the passive segment
  (func (export "init") (param $slot i32)
    (table.init $tab $later (local.get $slot) (i32.const 0) (i32.const 1)))

  ;; n levels of recursion through slot 3 (which the test points at rec)
  (func $rec (export "rec") (type $t)
    (if (result i32) (local.get 0)
      (then (i32.add (i32.const 1)
        (call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 3))))
      (else (i32.const 0))))
  (elem declare func $rec)
  (func (export "pointRec") (table.set $tab (i32.const 3) (ref.func $rec)))
)
