;; A wasi_unstable (WASI preview0) command, for WasiPreview1Test and MainTest: it writes a line
;; with preview0's fd_write and imports the calls whose layouts differ from preview1's.
;; Built by tools/programs/build.sh (wat2wasm); the .wasm is committed.
(module
  (import "wasi_unstable" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_seek" (func (param i32 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_filestat_get" (func (param i32 i32) (result i32)))
  (import "wasi_unstable" "path_filestat_get" (func (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "poll_oneoff" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "preview0 says hi\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 17))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
)
