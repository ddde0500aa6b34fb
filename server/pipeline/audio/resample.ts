import { reserve, simdKernels } from '../simd/kernels';
import { filterBankFor, gcd, type FilterBank } from './filter-bank';

/*
 * Band-limited resampling with a Kaiser-windowed sinc, evaluated polyphase:
 * for a rational ratio up/down only `up` distinct filter phases exist, so
 * they are computed once and each output sample is one dot product. The
 * low-pass sits just below the lower Nyquist frequency, so downsampling does
 * not fold high frequencies (sibilants, 12 kHz hum) into the speech band.
 */

/** Input samples: floats in [-1, 1], or 16-bit PCM read in place from the file (scaled by 1/32768 on output). */
export type ResamplerInput = Float32Array | Int16Array;

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input;
  const resampler = new Resampler(input, fromRate, toRate);
  resampler.fill(Infinity);
  return resampler.output;
}

/**
 * Resampling front to back on request: `fill(n)` computes the output up to
 * sample n, so a caller can hand the beginning of a recording on (to VAD)
 * before the rest is computed. Each output sample depends only on the
 * input, so the pieces are identical to one pass. 16-bit input is filtered
 * as integers and scaled once per output sample: multiplying by 2⁻¹⁵ is
 * exact in floating point, so the result equals filtering the floats
 * s / 32768, bit for bit, without a float copy of the input.
 */
export class Resampler {
  readonly output: Float32Array;
  private done = 0;
  private readonly scale: number;
  private readonly up: number;
  private readonly down: number;
  private readonly bank: FilterBank | null;

  constructor(
    private readonly input: ResamplerInput,
    fromRate: number,
    toRate: number,
  ) {
    const g = gcd(fromRate, toRate);
    this.up = toRate / g;
    this.down = fromRate / g;
    this.scale = input instanceof Int16Array ? 1 / 32768 : 1;
    this.bank = fromRate === toRate ? null : filterBankFor(fromRate, toRate, this.up);
    this.output = new Float32Array(Math.ceil((input.length * this.up) / this.down));
  }

  /** Computes the output up to (not including) sample `until`. */
  fill(until: number): void {
    const to = Math.min(this.output.length, until);
    if (to <= this.done) return;
    const { input, output, bank, scale, done: from } = this;
    if (!bank) for (let n = from; n < to; n++) output[n] = input[n]! * scale;
    else if (this.up === 1) decimate(input, this.down, bank, output, from, to, scale);
    else polyphase(input, this.up, this.down, bank, output, from, to, scale);
    this.done = to;
  }
}

function polyphase(
  input: ResamplerInput,
  up: number,
  down: number,
  bank: FilterBank,
  out: Float32Array,
  from: number,
  to: number,
  scale: number,
): void {
  const { phases, taps, table } = bank;
  const half = taps / 2;
  const length = input.length;
  for (let n = from; n < to; n++) {
    const pos = n * down;
    let i0 = Math.floor(pos / up);
    let phase = pos - i0 * up;
    if (phases !== up) {
      phase = Math.round((phase * phases) / up);
      if (phase === phases) {
        phase = 0;
        i0++;
      }
    }
    const base = i0 - half + 1;
    const row = phase * taps;
    let acc = 0;
    if (base >= 0 && base + taps <= length) {
      // Four accumulators: about twice as fast in V8 as one dependent chain.
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let j = 0; j < taps; j += 4) {
        acc += table[row + j]! * input[base + j]!;
        a1 += table[row + j + 1]! * input[base + j + 1]!;
        a2 += table[row + j + 2]! * input[base + j + 2]!;
        a3 += table[row + j + 3]! * input[base + j + 3]!;
      }
      acc += a1 + a2 + a3;
    } else {
      for (let j = 0; j < taps; j++) {
        const k = base + j;
        if (k >= 0 && k < length) acc += table[row + j]! * input[k]!;
      }
    }
    out[n] = acc * scale;
  }
}

/**
 * Integer-ratio downsampling (48 → 16 kHz, the common case): output n is
 * centred on input n × down. Inside the signal the SIMD kernel computes it
 * (see `simdDecimate`); near the edges, and without SIMD, the symmetric
 * filter adds each mirrored pair of inputs before one multiply.
 */
function decimate(
  input: ResamplerInput,
  down: number,
  bank: FilterBank,
  out: Float32Array,
  from: number,
  to: number,
  scale: number,
): void {
  const reach = bank.folded.length - 1;
  // [lo, hi): the outputs whose whole (padded) filter lies inside the input. Which path computes
  // output n depends only on n and the input, never on how fill() was called, so pieces equal one pass.
  const lo = Math.ceil(reach / down);
  const hi = Math.floor((input.length - bank.symmetric.length + reach) / down) + 1;
  const first = Math.max(from, lo);
  const last = Math.min(to, hi);
  if (first < last && hi - lo >= 4 && simdDecimate(input, down, bank.symmetric, reach, out, first, last, lo, hi, scale)) {
    scalarDecimate(input, down, bank.folded, out, from, Math.min(to, lo), scale);
    scalarDecimate(input, down, bank.folded, out, Math.max(from, hi), to, scale);
  } else scalarDecimate(input, down, bank.folded, out, from, to, scale);
}

/** Outputs per kernel call (a multiple of 4): the input slice it reads is ~down × this many samples. */
const SIMD_BLOCK = 8192;

/**
 * out[first, last) through the WebAssembly kernel, in blocks: each block's
 * input slice is copied into the kernel's memory (16-bit samples stay
 * 16-bit) and filtered with four lanes per instruction in f32; for 16-bit
 * input the coefficients carry the 2⁻¹⁵ (exact, so 16-bit and float input
 * still give the same bits). The kernel computes four outputs at a time, so
 * a block is rounded up to a multiple of 4 and, at the end of [lo, hi),
 * shifted back: a few outputs are computed twice, identically. False when
 * there is no SIMD.
 */
function simdDecimate(
  input: ResamplerInput,
  down: number,
  symmetric: Float32Array,
  reach: number,
  out: Float32Array,
  first: number,
  last: number,
  lo: number,
  hi: number,
  scale: number,
): boolean {
  const k = simdKernels();
  if (!k) return false;
  const taps = symmetric.length;
  const span = (SIMD_BLOCK - 1) * down + taps;
  const coefAt = 0;
  const xAt = taps; // element offsets in f32 units; 16-bit input is addressed in i16 units from the same byte
  const outAt = xAt + span;
  reserve(k, (outAt + SIMD_BLOCK) * 4);
  const memory = k.memory.buffer;
  // ×2⁻¹⁵ folded into the coefficients is exact, so the output needs no scaling pass.
  new Float32Array(memory, coefAt * 4, taps).set(scale === 1 ? symmetric : symmetric.map((c) => c * scale));
  const wide = input instanceof Int16Array;
  const x = wide ? new Int16Array(memory, xAt * 4, span) : new Float32Array(memory, xAt * 4, span);
  const result = new Float32Array(memory, outAt * 4, SIMD_BLOCK);
  for (let n = first; n < last; ) {
    const want = Math.min(SIMD_BLOCK, last - n, (hi - lo) & ~3);
    const count = (want + 3) & ~3;
    const start = Math.max(lo, Math.min(n, hi - count));
    const from = start * down - reach;
    x.set(input.subarray(from, from + (count - 1) * down + taps));
    if (wide) k.decimate_i16(xAt * 2, down, coefAt, taps, outAt, count);
    else k.decimate_f32(xAt, down, coefAt, taps, outAt, count);
    out.set(result.subarray(n - start, n - start + want), n);
    n += want;
  }
  return true;
}

function scalarDecimate(
  input: ResamplerInput,
  down: number,
  folded: Float32Array,
  out: Float32Array,
  from: number,
  to: number,
  scale: number,
): void {
  const reach = folded.length - 1;
  const length = input.length;
  for (let n = from; n < to; n++) {
    const c = n * down;
    let acc = folded[0]! * input[c]!;
    if (c - reach >= 0 && c + reach < length) {
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let k = 1; k <= reach; k += 4) {
        acc += folded[k]! * (input[c + k]! + input[c - k]!);
        a1 += folded[k + 1]! * (input[c + k + 1]! + input[c - k - 1]!);
        a2 += folded[k + 2]! * (input[c + k + 2]! + input[c - k - 2]!);
        a3 += folded[k + 3]! * (input[c + k + 3]! + input[c - k - 3]!);
      }
      acc += a1 + a2 + a3;
    } else {
      // Near the edges the signal is taken as zero beyond its ends.
      for (let k = 1; k <= reach; k++) {
        const right = c + k < length ? input[c + k]! : 0;
        const left = c - k >= 0 ? input[c - k]! : 0;
        acc += folded[k]! * (right + left);
      }
    }
    out[n] = acc * scale;
  }
}
