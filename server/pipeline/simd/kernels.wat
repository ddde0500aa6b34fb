;; Journalverkstan's WebAssembly SIMD kernels: the two loops of the local
;; speech pipeline that touch every value and run outside the model.
;; Assembled by `npm run build:wasm` (wabt) into kernels-wasm.ts; a test
;; checks that the committed bytes are this file's.
;;
;; Memory is the caller's scratch space: it copies values in, calls a kernel
;; with element offsets, and reads results out (see kernels.ts).
(module
  (memory (export "memory") 8)

  ;; Index of the first largest f32 among memory[from .. to) (element
  ;; indices, 4-byte floats), or -1 when none exceeds -inf. NaN never wins:
  ;; f32x4.pmax(acc, x) takes x only when acc < x, as a scalar `x > max` scan.
  (func (export "argmax") (param $from i32) (param $to i32) (result i32)
    (local $i i32) (local $max f32) (local $x f32)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128) (local $hit i32)
    (local.set $max (f32.const -inf))
    (local.set $m0 (v128.const f32x4 -inf -inf -inf -inf))
    (local.set $m1 (local.get $m0))
    (local.set $m2 (local.get $m0))
    (local.set $m3 (local.get $m0))
    ;; pass 1: the largest value, four vectors per step (independent chains)
    (local.set $i (local.get $from))
    (block $done
      (loop $body
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $to)))
        (local.set $m0 (f32x4.pmax (local.get $m0) (v128.load offset=0 (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $m1 (f32x4.pmax (local.get $m1) (v128.load offset=16 (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $m2 (f32x4.pmax (local.get $m2) (v128.load offset=32 (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $m3 (f32x4.pmax (local.get $m3) (v128.load offset=48 (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $body)))
    (local.set $m0 (f32x4.pmax (f32x4.pmax (local.get $m0) (local.get $m1)) (f32x4.pmax (local.get $m2) (local.get $m3))))
    (local.set $max (f32x4.extract_lane 0 (local.get $m0)))
    (if (f32.gt (f32x4.extract_lane 1 (local.get $m0)) (local.get $max)) (then (local.set $max (f32x4.extract_lane 1 (local.get $m0)))))
    (if (f32.gt (f32x4.extract_lane 2 (local.get $m0)) (local.get $max)) (then (local.set $max (f32x4.extract_lane 2 (local.get $m0)))))
    (if (f32.gt (f32x4.extract_lane 3 (local.get $m0)) (local.get $max)) (then (local.set $max (f32x4.extract_lane 3 (local.get $m0)))))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $x (f32.load (i32.shl (local.get $i) (i32.const 2))))
        (if (f32.gt (local.get $x) (local.get $max)) (then (local.set $max (local.get $x))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (if (f32.eq (local.get $max) (f32.const -inf)) (then (return (i32.const -1))))
    ;; pass 2: the first index holding it
    (local.set $m0 (f32x4.splat (local.get $max)))
    (local.set $i (local.get $from))
    (block $done
      (loop $find
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $to)))
        (local.set $hit (i32x4.bitmask (f32x4.eq (v128.load (i32.shl (local.get $i) (i32.const 2))) (local.get $m0))))
        (if (local.get $hit) (then (return (i32.add (local.get $i) (i32.ctz (local.get $hit))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $find)))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (if (f32.eq (f32.load (i32.shl (local.get $i) (i32.const 2))) (local.get $max)) (then (return (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (i32.const -1))

  ;; FIR decimation: out[n] = sum over j < taps of coef[j] * x[n * down + j]
  ;; for n < count, accumulated in f32 (four lanes, summed at the end in a
  ;; fixed order). `taps` and `count` are multiples of 4; coef, x and out are
  ;; element offsets (x in i16 units for decimate_i16, f32 units otherwise).
  ;; The caller lines x up so that x[n * down] is the first sample under the
  ;; filter for output n. Four outputs are computed side by side: four
  ;; independent add chains, where one would wait on each add's latency.
  ;; decimate_i16 (16-bit mono WAV read in place) and decimate_f32 (FLAC,
  ;; stereo or float WAV) differ only in how a sample is loaded: WAT has no
  ;; way to share the loop.
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  (func (export "decimate_i16") (param $x i32) (param $down i32) (param $coef i32) (param $taps i32) (param $out i32) (param $count i32)
    (local $n i32) (local $j i32) (local $jx i32) (local $c v128)
    (local $at0 i32) (local $at1 i32) (local $at2 i32) (local $at3 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (block $done
      (loop $outputs
        (br_if $done (i32.ge_u (local.get $n) (local.get $count)))
        (local.set $a0 (v128.const f32x4 0 0 0 0))
        (local.set $a1 (v128.const f32x4 0 0 0 0))
        (local.set $a2 (v128.const f32x4 0 0 0 0))
        (local.set $a3 (v128.const f32x4 0 0 0 0))
        ;; byte addresses of x[n * down] … x[(n + 3) * down]
        (local.set $at0 (i32.shl (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $down))) (i32.const 1)))
        (local.set $at1 (i32.add (local.get $at0) (i32.shl (local.get $down) (i32.const 1))))
        (local.set $at2 (i32.add (local.get $at1) (i32.shl (local.get $down) (i32.const 1))))
        (local.set $at3 (i32.add (local.get $at2) (i32.shl (local.get $down) (i32.const 1))))
        (local.set $j (i32.const 0))
        (loop $dot
          (local.set $c (v128.load (i32.shl (i32.add (local.get $coef) (local.get $j)) (i32.const 2))))
          (local.set $jx (i32.shl (local.get $j) (i32.const 1)))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (f32x4.convert_i32x4_s (v128.load16x4_s (i32.add (local.get $at0) (local.get $jx)))) (local.get $c))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (f32x4.convert_i32x4_s (v128.load16x4_s (i32.add (local.get $at1) (local.get $jx)))) (local.get $c))))
          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (f32x4.convert_i32x4_s (v128.load16x4_s (i32.add (local.get $at2) (local.get $jx)))) (local.get $c))))
          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (f32x4.convert_i32x4_s (v128.load16x4_s (i32.add (local.get $at3) (local.get $jx)))) (local.get $c))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br_if $dot (i32.lt_u (local.get $j) (local.get $taps))))
        (f32.store offset=0 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a0)))
        (f32.store offset=4 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a1)))
        (f32.store offset=8 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a2)))
        (f32.store offset=12 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a3)))
        (local.set $n (i32.add (local.get $n) (i32.const 4)))
        (br $outputs))))

  (func (export "decimate_f32") (param $x i32) (param $down i32) (param $coef i32) (param $taps i32) (param $out i32) (param $count i32)
    (local $n i32) (local $j i32) (local $jx i32) (local $c v128)
    (local $at0 i32) (local $at1 i32) (local $at2 i32) (local $at3 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (block $done
      (loop $outputs
        (br_if $done (i32.ge_u (local.get $n) (local.get $count)))
        (local.set $a0 (v128.const f32x4 0 0 0 0))
        (local.set $a1 (v128.const f32x4 0 0 0 0))
        (local.set $a2 (v128.const f32x4 0 0 0 0))
        (local.set $a3 (v128.const f32x4 0 0 0 0))
        ;; byte addresses of x[n * down] … x[(n + 3) * down]
        (local.set $at0 (i32.shl (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $down))) (i32.const 2)))
        (local.set $at1 (i32.add (local.get $at0) (i32.shl (local.get $down) (i32.const 2))))
        (local.set $at2 (i32.add (local.get $at1) (i32.shl (local.get $down) (i32.const 2))))
        (local.set $at3 (i32.add (local.get $at2) (i32.shl (local.get $down) (i32.const 2))))
        (local.set $j (i32.const 0))
        (loop $dot
          (local.set $c (v128.load (i32.shl (i32.add (local.get $coef) (local.get $j)) (i32.const 2))))
          (local.set $jx (i32.shl (local.get $j) (i32.const 2)))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (i32.add (local.get $at0) (local.get $jx))) (local.get $c))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load (i32.add (local.get $at1) (local.get $jx))) (local.get $c))))
          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load (i32.add (local.get $at2) (local.get $jx))) (local.get $c))))
          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load (i32.add (local.get $at3) (local.get $jx))) (local.get $c))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br_if $dot (i32.lt_u (local.get $j) (local.get $taps))))
        (f32.store offset=0 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a0)))
        (f32.store offset=4 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a1)))
        (f32.store offset=8 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a2)))
        (f32.store offset=12 (i32.shl (i32.add (local.get $out) (local.get $n)) (i32.const 2)) (call $hsum (local.get $a3)))
        (local.set $n (i32.add (local.get $n) (i32.const 4)))
        (br $outputs))))
)
