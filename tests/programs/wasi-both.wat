;; Exports both _start (a WASI command) and _initialize (a reactor): refused by the runner.
;; Built by tools/programs/build.sh (wat2wasm); the .wasm is committed.
(module
  (func (export "_start"))
  (func (export "_initialize"))
)
