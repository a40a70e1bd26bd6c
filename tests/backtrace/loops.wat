;; Back-edges of each pre-decoded form, for BacktraceTest's interruption checks (loops that never
;; end: the test interrupts them): a br that drops a value (br, not jump_back), a br_if with a
;; value under its condition (br_if, not br_if_back) and a br_table.
(module
  (func (export "br") (param i32) (result i32)
    (loop $l
      i32.const 7
      local.get 0
      i32.const 1
      i32.add
      local.set 0
      br $l)
    i32.const 0)
  (func (export "br_if") (param i32) (result i32)
    (loop $l
      i32.const 7
      local.get 0
      i32.const 1
      i32.add
      local.tee 0
      br_if $l
      drop)
    i32.const 0)
  (func (export "br_table") (param i32) (result i32)
    (loop $l
      local.get 0
      i32.const 1
      i32.add
      local.tee 0
      i32.const 0
      i32.and
      br_table $l $l)
    i32.const 0))
