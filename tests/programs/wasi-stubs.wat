;; For WasiPreview1Test: imports a preview1 function that exists but is not supported
;; (sock_accept), two names preview1 does not define, and proc_exit, which it calls from deep
;; in a recursion. Built by tools/programs/build.sh (wat2wasm); the .wasm is committed.
(module
  (import "wasi_snapshot_preview1" "frobnicate" (func $frobnicate (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "no_result" (func $no_result (param i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "frobnicate") (result i32) (call $frobnicate (i32.const 1)))
  (func (export "sock_accept") (result i32) (call $sock_accept (i32.const 0) (i32.const 0) (i32.const 8)))
  (func (export "no_result") (call $no_result (i32.const 0)))
  ;; deep(n): recurses n times, then exits with code 42
  (func $deep (export "deep") (param $n i32) (result i32)
    (if (i32.eqz (local.get $n)) (then (call $proc_exit (i32.const 42))))
    (i32.add (i32.const 1) (call $deep (i32.sub (local.get $n) (i32.const 1)))))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
)
