import { reserve, simdKernels } from '../simd/kernels';

/*
 * Band-limited resampling with a Kaiser-windowed sinc, evaluated polyphase:
 * for a rational ratio up/down only `up` distinct filter phases exist, so
 * they are computed once and each output sample is one dot product. The
 * low-pass sits just below the lower Nyquist frequency, so downsampling does
 * not fold high frequencies (sibilants, 12 kHz hum) into the speech band.
 */

/** Zero crossings of the sinc on each side: filter length vs. transition width. */
const ZERO_CROSSINGS = 6;
/** Cutoff as a fraction of the lower Nyquist frequency: 0.9 × 8 kHz = 7.2 kHz for 16 kHz output. */
const ROLLOFF = 0.9;
/** About 60 dB stop-band attenuation: far below what ASR can hear, at half the taps of 80 dB. */
const KAISER_BETA = 5.5;
/** Ratios with more phases than this (e.g. 16001 → 16000) use the nearest of this many. */
const MAX_PHASES = 4096;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50 && term > 1e-12 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

interface FilterBank {
  phases: number;
  taps: number;
  /** `taps` coefficients per phase; phase p is for fractional position p / phases. */
  table: Float32Array;
  /**
   * Phase 0 folded around its centre: [c0, c1, …] with c_k weighting
   * x[i + k] + x[i − k], zero-padded to a multiple of 4 after c0. Phase 0 is
   * symmetric (and its last tap, at −half, is zero), so an integer ratio
   * such as 48 → 16 kHz needs half the multiplies.
   */
  folded: Float32Array;
  /** Phase 0 unfolded for the SIMD kernel: c_reach … c_1, c0, c_1 … c_reach, zero-padded to a multiple of 4. */
  symmetric: Float32Array;
}

function designFilterBank(cutoff: number, phases: number): FilterBank {
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff); // in input samples
  const half = 2 * Math.ceil(halfWidth / 2);
  const taps = 2 * half; // a multiple of 4 for the unrolled dot product
  const table = new Float32Array(phases * taps);
  const norm = besselI0(KAISER_BETA);
  for (let p = 0; p < phases; p++) {
    const frac = p / phases;
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      const x = frac + half - 1 - j; // distance from the output instant to input sample j
      const r = x / halfWidth;
      if (Math.abs(r) >= 1) continue;
      const arg = 2 * cutoff * x;
      const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      const value = 2 * cutoff * sinc * (besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm);
      table[p * taps + j] = value;
      sum += value;
    }
    // Unit gain at DC in every phase, so quantised filters add no ripple.
    for (let j = 0; j < taps; j++) table[p * taps + j]! /= sum;
  }
  const folded = new Float32Array(1 + 4 * Math.ceil((half - 1) / 4));
  for (let k = 0; k < half; k++) folded[k] = table[half - 1 + k]!;
  const reach = folded.length - 1;
  const symmetric = new Float32Array(4 * Math.ceil((2 * reach + 1) / 4));
  for (let j = 0; j <= 2 * reach; j++) symmetric[j] = folded[Math.abs(j - reach)]!;
  return { phases, taps, table, folded, symmetric };
}

const banks = new Map<string, FilterBank>();

function filterBankFor(fromRate: number, toRate: number, up: number): FilterBank {
  const phases = Math.min(up, MAX_PHASES);
  const key = `${fromRate}:${toRate}`;
  let bank = banks.get(key);
  if (!bank) {
    bank = designFilterBank(0.5 * Math.min(1, toRate / fromRate) * ROLLOFF, phases);
    banks.set(key, bank);
  }
  return bank;
}

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
