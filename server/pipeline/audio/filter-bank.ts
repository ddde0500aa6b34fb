/*
 * The Kaiser-windowed sinc filters behind resample.ts, designed once per
 * rate pair and kept: for a rational ratio up/down only `up` distinct phases
 * exist (see resample.ts for why the cutoff sits below the lower Nyquist).
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

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export interface FilterBank {
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

export function filterBankFor(fromRate: number, toRate: number, up: number): FilterBank {
  const phases = Math.min(up, MAX_PHASES);
  const key = `${fromRate}:${toRate}`;
  let bank = banks.get(key);
  if (!bank) {
    bank = designFilterBank(0.5 * Math.min(1, toRate / fromRate) * ROLLOFF, phases);
    banks.set(key, bank);
  }
  return bank;
}
