;; The quick-start example: two small exported functions.
;; Rebuild with: wat2wasm add.wat -o add.wasm   (the .wasm is committed; tests need no wabt)
(module
  ;; add(a, b) = a + b, wrapping at 32 bits
  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.add)

  ;; fac(n) = n!, recursive, wrapping at 64 bits; fac(n) = 1 for n <= 1
  (func $fac (export "fac") (param $n i64) (result i64)
    local.get $n
    i64.const 1
    i64.le_s
    if (result i64)
      i64.const 1
    else
      local.get $n
      local.get $n
      i64.const 1
      i64.sub
      call $fac
      i64.mul
    end)
)
