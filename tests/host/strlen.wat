;; The embedding comparison's task: the guest passes a UTF-8 string (pointer, length) to a
;; host function that reads it from the guest's memory and returns its length in chars.
;; run(n) makes n such calls and returns the sum of the lengths (14 * n). Used by the README's
;; embedding example, ZeroAllocationTest and tools/bench's HostCallComparison.
;; Built with wat2wasm (wabt); the .wasm is committed.
(module
  (import "env" "length" (func $length (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "h\c3\a9llo, wasmlet")
  (func (export "run") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $length (i32.const 16) (i32.const 15))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum))
)
