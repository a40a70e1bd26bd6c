;; Needs a table of 1000 entries.
(module (table 1000 funcref) (func (export "f") (result i32) (table.size 0)))
