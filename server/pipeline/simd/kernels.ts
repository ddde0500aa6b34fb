import { KERNELS_WASM_BASE64 } from './kernels-wasm';

/**
 * WebAssembly SIMD versions of the two loops of local transcription that run
 * outside the model and touch every value: the argmax over Whisper's
 * vocabulary on each decoding step (51,865 logits, ~150 times per window) and
 * 48 → 16 kHz decimation (20 multiply–adds per output sample). Four lanes per
 * instruction make them 3–5× faster than V8's scalar code. The source is
 * `kernels.wat`; callers fall back to their JavaScript loops where
 * WebAssembly SIMD is missing.
 */

interface KernelExports {
  memory: WebAssembly.Memory;
  argmax(from: number, to: number): number;
  decimate_i16(x: number, down: number, coef: number, taps: number, out: number, count: number): void;
  decimate_f32(x: number, down: number, coef: number, taps: number, out: number, count: number): void;
}

const PAGE = 65_536;

let kernels: KernelExports | null | undefined;

/** The instantiated module (one per thread), or null when this runtime has no WebAssembly SIMD. */
export function simdKernels(): KernelExports | null {
  if (kernels === undefined) {
    try {
      const module = new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
      kernels = new WebAssembly.Instance(module).exports as unknown as KernelExports;
    } catch {
      kernels = null;
    }
  }
  return kernels;
}

/** Grows the kernels' memory to at least `bytes`. Views made before must be made again. */
export function reserve(k: KernelExports, bytes: number): void {
  const missing = bytes - k.memory.buffer.byteLength;
  if (missing > 0) k.memory.grow(Math.ceil(missing / PAGE));
}

/**
 * `length` floats at the start of the kernels' memory, or null without SIMD.
 * Values written there (e.g. by onnxruntime, as a preallocated output) are
 * scanned by simdArgmax without a copy. The view is valid until the memory
 * grows: take a new one for each use.
 */
export function scratch(length: number): Float32Array | null {
  const k = simdKernels();
  if (!k) return null;
  reserve(k, length * 4);
  return new Float32Array(k.memory.buffer, 0, length);
}

/** Index of the first largest value in values[from, to) (−1 when none exceeds −∞; NaN never wins), or null without SIMD. */
export function simdArgmax(values: Float32Array, from: number, to: number): number | null {
  const k = simdKernels();
  if (!k) return null;
  if (to <= from) return -1;
  if (values.buffer === k.memory.buffer && values.byteOffset === 0) return k.argmax(from, to); // already in place (`scratch`)
  reserve(k, (to - from) * 4);
  new Float32Array(k.memory.buffer, 0, to - from).set(values.subarray(from, to));
  const index = k.argmax(0, to - from);
  return index < 0 ? -1 : from + index;
}
