;; Workloads for the zero-allocation tests: loops, direct/indirect/host calls, memory,
;; globals, tables, growth within the board's preallocated budget, and traps.
(module
  (import "env" "tick" (func $tick (param i32)))
  (type $bin (func (param i32 i32) (result i32)))
  (memory (export "memory") 1 3)
  (table 4 funcref)
  (elem (i32.const 0) $add $sub $mul)
  (global $calls (mut i32) (i32.const 0))

  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $bin) (i32.mul (local.get 0) (local.get 1)))

  ;; sum of i*i for i < n, with a loop
  (func (export "sumsq") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc)
          (i64.extend_i32_u (i32.mul (local.get $i) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  ;; recursive fibonacci: deep direct calls
  (func $fib (export "fib") (param $n i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  ;; fill memory with a pattern and checksum it (loads and stores, 8/32/64-bit)
  (func (export "memsum") (param $len i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $d1 (loop $l1
      (br_if $d1 (i32.ge_u (local.get $i) (local.get $len)))
      (i32.store8 (local.get $i) (i32.mul (local.get $i) (i32.const 31)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l1)))
    (i64.store (i32.const 8) (i64.const 0x0102030405060708))
    (local.set $i (i32.const 0))
    (block $d2 (loop $l2
      (br_if $d2 (i32.ge_u (local.get $i) (local.get $len)))
      (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $l2)))
    (i32.add (local.get $sum) (i32.load (i32.const 8))))

  ;; call_indirect through the table, and a host call
  (func (export "dispatch") (param $op i32) (param $a i32) (param $b i32) (result i32)
    (call $tick (local.get $op))
    (call_indirect (type $bin) (local.get $a) (local.get $b) (local.get $op)))

  ;; grow memory by one page and shrink back logically (size is reported, data preallocated)
  (func (export "grow") (result i32)
    (memory.grow (i32.const 1)))

  ;; traps: divide by zero, out-of-bounds load, undefined table element, unreachable
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "oob") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "undef") (param i32) (result i32)
    (call_indirect (type $bin) (i32.const 1) (i32.const 2) (local.get 0)))
  (func $forever (export "recurse") (param i32) (result i32)
    (call $forever (i32.add (local.get 0) (i32.const 1))))
)
