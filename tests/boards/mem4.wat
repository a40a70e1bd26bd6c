;; Needs four pages of linear memory.
(module (memory 4) (func (export "f") (result i32) (memory.size)))
