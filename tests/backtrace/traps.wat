;; One trap of each kind the compiled loop can raise, each one call below its export, for
;; BacktraceTest's comparison of the tiers (the same frames and offsets in every mode).
;; Each export "x" calls $x with its argument; the argument in the comments traps.
;; Built with: wat2wasm --debug-names traps.wat -o traps.wasm
(module
  (type $ii (func (param i32) (result i32)))
  (type $v (func))
  (memory 1)
  (table 4 funcref)
  (elem (i32.const 0) $load $store)
  ;; the sum of the words up to address n, in a loop: 65536 loads past the end of memory
  (func $load (param $n i32) (result i32) (local $i i32) (local $w i32) (local $s i32)
    (loop $l
      local.get $i
      i32.load
      local.set $w
      local.get $s
      local.get $w
      i32.add
      local.set $s
      local.get $i
      i32.const 4
      i32.add
      local.tee $i
      local.get $n
      i32.le_u
      br_if $l)
    local.get $s)
  ;; 65533: a store of 4 bytes at offset 4 out of bounds
  (func $store (param i32) (result i32)
    local.get 0
    i32.const 7
    i32.store offset=4
    i32.const 0)
  ;; always
  (func $unreachable (param i32) (result i32)
    local.get 0
    drop
    unreachable)
  ;; always: element 0 is $load, of type $ii, called as $v
  (func $mismatch (param i32) (result i32)
    local.get 0
    call_indirect (type $v)
    i32.const 0)
  ;; 3: a null element; 9: past the table
  (func $undefined (param i32) (result i32)
    i32.const 1
    local.get 0
    call_indirect (type $ii))
  ;; 0x7fc00000 (NaN): an invalid conversion; 0x4f000000 (2^31): an overflow
  (func $trunc (param i32) (result i32)
    local.get 0
    f32.reinterpret_i32
    i32.trunc_f32_s)
  ;; 0: i64 division by zero
  (func $div64 (param i32) (result i32)
    i64.const 1
    local.get 0
    i64.extend_i32_s
    i64.div_s
    i32.wrap_i64)
  ;; -1: i32 division overflow
  (func $overflow (param i32) (result i32)
    i32.const 0x80000000
    local.get 0
    i32.div_s)
  ;; 65530: memory.fill of 16 bytes out of bounds
  (func $fill (param i32) (result i32)
    local.get 0
    i32.const 0
    i32.const 16
    memory.fill
    i32.const 0)
  (func (export "load") (param i32) (result i32) local.get 0 call $load)
  (func (export "store") (param i32) (result i32) local.get 0 call $store)
  (func (export "unreachable") (param i32) (result i32) local.get 0 call $unreachable)
  (func (export "mismatch") (param i32) (result i32) local.get 0 call $mismatch)
  (func (export "undefined") (param i32) (result i32) local.get 0 call $undefined)
  (func (export "trunc") (param i32) (result i32) local.get 0 call $trunc)
  (func (export "div64") (param i32) (result i32) local.get 0 call $div64)
  (func (export "overflow") (param i32) (result i32) local.get 0 call $overflow)
  (func (export "fill") (param i32) (result i32) local.get 0 call $fill))
