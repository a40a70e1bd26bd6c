;; The README's embedding example: sum_scaled(n) = scale(1) + scale(2) + ... + scale(n), where
;; scale is a host function the embedder links (the README's multiplies by 10).
;; Built by tools/programs/build.sh (wat2wasm); the .wasm is committed.
(module
  (import "host" "scale" (func $scale (param i64) (result i64)))
  (func (export "sum_scaled") (param $n i32) (result i64)
    (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (call $scale (i64.extend_i32_u (local.get $n)))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
)
