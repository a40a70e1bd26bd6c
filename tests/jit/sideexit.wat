;; Branch profiles and side exits (BranchProfileTest). f(x): x + 1 below 100 (the if's else arm),
;; 2x from 100 (the then arm; 200 divides by zero there), and 7 more from 1000 (the code after
;; the br_if). Sites, in order: 0 the outer if, 1 the inner if, 2 the br_if.
(module
  (func (export "f") (param $x i32) (result i32) (local $r i32)
    local.get $x
    i32.const 100
    i32.ge_u
    if
      local.get $x
      i32.const 200
      i32.eq
      if
        i32.const 1
        local.get $x
        i32.const 200
        i32.sub
        i32.div_u
        drop
      end
      local.get $x
      i32.const 2
      i32.mul
      local.set $r
    else
      local.get $x
      i32.const 1
      i32.add
      local.set $r
    end
    block
      local.get $x
      i32.const 1000
      i32.lt_u
      br_if 0
      local.get $r
      i32.const 7
      i32.add
      local.set $r
    end
    local.get $r))
