;; f32 / f64 loads and stores on a memory of 0 bytes (JitFloatLoadTest): every access traps, the
;; largest offsets included (the bounds check must not overflow).
(module
  (memory 0)
  (func (export "ld32") (param $p i32) (param $q i32) (result i32)
    (i32.reinterpret_f32 (f32.load offset=0x7fffffff (i32.add (local.get $p) (local.get $q)))))
  (func (export "ld64") (param $p i32) (result i64)
    (i64.reinterpret_f64 (f64.load offset=0x7ffffffc (i32.add (local.get $p) (i32.const 1)))))
  (func (export "ld64c") (param $p i32) (result f64)
    (f64.add (f64.load offset=0x7ffffff9 (local.get $p)) (f64.const 1)))
  (func (export "st64") (param $p i32)
    (f64.store offset=0x7ffffffa (local.get $p) (f64.const 1)))
  (func (export "st32") (param $p i32)
    (f32.store offset=0x7fffffff (local.get $p) (f32.const 1)))
  (func (export "i32ld") (param $p i32) (result i32)
    (i32.load offset=0x7ffffffe (i32.add (local.get $p) (i32.const 1))))
)
