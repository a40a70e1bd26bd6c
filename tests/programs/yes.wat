;; yes: writes "y\n" to stdout forever and ignores every error fd_write returns, the worst
;; case for a closed pipe (RunCommandTest: the command line must still end it).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "y\n")
  (data (i32.const 16) "\00\00\00\00\02\00\00\00")
  (func (export "_start")
    (loop $forever
      (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 32)))
      (br $forever))))
