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

export interface KernelExports {
  memory: WebAssembly.Memory;
  argmax(from: number, to: number): number;
  decimate_i16(x: number, down: number, coef: number, taps: number, out: number, count: number): void;
  decimate_f32(x: number, down: number, coef: number, taps: number, out: number, count: number): void;
}

const PAGE = 65_536;

let compiled: WebAssembly.Module | null | undefined;

/** A new instance of the kernels with its own memory, or null when this runtime has no WebAssembly SIMD. */
function instantiateKernels(): KernelExports | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled && (new WebAssembly.Instance(compiled).exports as unknown as KernelExports);
}

/** Grows the kernels' memory to at least `bytes`. Views made before must be made again. */
export function reserve(k: KernelExports, bytes: number): void {
  const missing = bytes - k.memory.buffer.byteLength;
  if (missing > 0) k.memory.grow(Math.ceil(missing / PAGE));
}

let shared: KernelExports | null | undefined;

/**
 * The thread's shared instance, for work that copies in, computes and copies
 * out without awaiting in between (so no other caller can interleave).
 */
export function simdKernels(): KernelExports | null {
  if (shared === undefined) shared = instantiateKernels();
  return shared;
}

/**
 * An argmax with memory of its own: `scratch(n)` gives a view of it that
 * another writer (onnxruntime, as a preallocated output) can fill across an
 * await, and `argmax` scans such a view where it lies, without a copy. One
 * owner at a time (a Whisper decoder, whose runs are queued).
 */
export class ArgmaxArena {
  private constructor(private readonly k: KernelExports) {}

  static create(): ArgmaxArena | null {
    const k = instantiateKernels();
    return k && new ArgmaxArena(k);
  }

  /** `length` floats at the start of this arena's memory; valid until it grows, so take one per use. */
  scratch(length: number): Float32Array {
    reserve(this.k, length * 4);
    return new Float32Array(this.k.memory.buffer, 0, length);
  }

  /** Index of the first largest value in values[from, to) (−1 when none exceeds −∞; NaN never wins). */
  argmax(values: Float32Array, from: number, to: number): number {
    if (to <= from) return -1;
    if (values.buffer === this.k.memory.buffer && values.byteOffset === 0) return this.k.argmax(from, to); // in place
    reserve(this.k, (to - from) * 4);
    new Float32Array(this.k.memory.buffer, 0, to - from).set(values.subarray(from, to));
    const index = this.k.argmax(0, to - from);
    return index < 0 ? -1 : from + index;
  }
}
