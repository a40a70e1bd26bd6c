;; A host import that calls back into the same store.
(module
  (import "env" "cb" (func $cb (param i32) (result i32)))
  (func (export "outer") (param i32) (result i32)
    (i32.add (i32.const 1000) (call $cb (i32.add (local.get 0) (i32.const 1)))))
  (func (export "inner") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 2)))
  (func (export "boom") (param i32) (result i32)
    (unreachable)))
