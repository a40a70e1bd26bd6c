;; GrowthTest: a memory with no maximum, grown from Wasm.
(module
  (memory (export "memory") 0)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
