;; A module whose start function calls WASI (fd_write to stdout) while it is being
;; instantiated, before any export runs: the call must use the calling instance's memory.
;; Built by tools/programs/build.sh (wat2wasm); the .wasm is committed.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from the start function\n")
  (global $errno (mut i32) (i32.const -1))
  (func $init
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 30))
    (global.set $errno (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (start $init)
  ;; the errno fd_write returned to the start function (0: success)
  (func (export "errno") (result i32) (global.get $errno))
  (func (export "_start"))
)
