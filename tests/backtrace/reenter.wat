;; Traps that cross a host function, for BacktraceTest: "outer" calls host.reenter, which
;; calls back the export "inner" (inner -> div traps on 0); "host_trap" calls host.fail,
;; which throws a trap itself. Built with: wat2wasm --debug-names reenter.wat -o reenter.wasm
(module
  (import "host" "reenter" (func $reenter (param i32) (result i32)))
  (import "host" "fail" (func $fail (param i32) (result i32)))
  (func $div (param i32) (result i32)
    i32.const 7
    local.get 0
    i32.rem_u)
  (func $inner (export "inner") (param i32) (result i32)
    local.get 0
    call $div)
  (func $outer (export "outer") (param i32) (result i32)
    local.get 0
    call $reenter
    i32.const 2
    i32.mul)
  (func $host_trap (export "host_trap") (param i32) (result i32)
    local.get 0
    call $fail)
  (func $after (export "after") (param i32) (result i32)
    local.get 0
    call $host_trap))
