;; A trap three calls deep, for the backtrace tests (BacktraceTest, MainTest):
;; run -> middle -> div, which divides 100 by its argument (0 traps).
;; Built with: wat2wasm --debug-names deep.wat -o deep.wasm
(module
  (type $ii (func (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) $div)
  (func $div (param i32) (result i32)
    i32.const 100
    local.get 0
    i32.div_s)
  (func $middle (param i32) (result i32)
    local.get 0
    call $div
    i32.const 1
    i32.add)
  (func $run (export "run") (param i32) (result i32)
    local.get 0
    call $middle)
  ;; the same depth through call_indirect: indirect -> middle_indirect -> div
  (func $middle_indirect (param i32) (result i32)
    local.get 0
    i32.const 0
    call_indirect (type $ii))
  (func $indirect (export "indirect") (param i32) (result i32)
    local.get 0
    call $middle_indirect)
  ;; endless recursion: call-stack exhaustion
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $recurse)
  ;; a loop that never ends (for interruption)
  (func $spin (export "spin") (param i32) (result i32)
    (loop $l
      local.get 0
      i32.const 1
      i32.add
      local.set 0
      br $l)
    local.get 0))
