;; Imports a function of a module the command line does not provide ("env"): refused unless
;; --unknown-imports-trap or --unknown-imports-default links it to a stub.
;; Built by tools/programs/build.sh (wat2wasm); the .wasm is committed.
(module
  (import "env" "f" (func $f (result i32)))
  (func (export "g") (result i32) (call $f))
)
