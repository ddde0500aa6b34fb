/**
 * The 400-point real DFT behind Whisper's log-mel spectrogram (log-mel.ts):
 * one 200-point complex FFT over the even/odd samples (Stockham, radices
 * 4·2·5·5, twiddles precomputed), split back into the 201 power bins.
 */

const N_FFT = 400;
const HALF = N_FFT / 2;
const BINS = HALF + 1;

/**
 * A 200-point complex FFT (Stockham autosort: no bit reversal, natural order
 * out), used on the even/odd samples of a 400-point real frame.
 */
export class RealFft400 {
  private readonly aRe = new Float64Array(HALF);
  private readonly aIm = new Float64Array(HALF);
  private readonly bRe = new Float64Array(HALF);
  private readonly bIm = new Float64Array(HALF);
  // Twiddles of the stages 4, 2, 5, 5; they depend only on the position inside the span already transformed.
  private readonly tw4 = twiddles(1, 4);
  private readonly tw2 = twiddles(4, 2);
  private readonly tw5a = twiddles(8, 5);
  private readonly tw5b = twiddles(40, 5);
  /** cos/sin of 2πk/400, for splitting the complex result into the real one. */
  private readonly splitCos = Float64Array.from({ length: BINS }, (_, k) => Math.cos((2 * Math.PI * k) / N_FFT));
  private readonly splitSin = Float64Array.from({ length: BINS }, (_, k) => Math.sin((2 * Math.PI * k) / N_FFT));

  /** |X[k]|² for k = 0…200 of the 400 real samples in `frame`, written to `power`. */
  powerSpectrum(frame: Float64Array, power: Float64Array): void {
    const { aRe: re, aIm: im } = this;
    for (let n = 0; n < HALF; n++) {
      re[n] = frame[2 * n]!;
      im[n] = frame[2 * n + 1]!;
    }
    this.transform(power);
  }

  /**
   * The same for samples[start … start + 400) × `window`, all inside
   * `samples`: the product goes straight into the FFT's even/odd input
   * instead of through a frame buffer.
   */
  windowedPowerSpectrum(samples: Float32Array, start: number, window: Float64Array, power: Float64Array): void {
    const { aRe: re, aIm: im } = this;
    for (let n = 0, j = start; n < HALF; n++, j += 2) {
      re[n] = samples[j]! * window[2 * n]!;
      im[n] = samples[j + 1]! * window[2 * n + 1]!;
    }
    this.transform(power);
  }

  private transform(power: Float64Array): void {
    const { aRe: re, aIm: im, bRe, bIm } = this;
    // Ping-pong between the two buffers: the result is back in re/im.
    stage4(re, im, bRe, bIm, 1, this.tw4);
    stage2(bRe, bIm, re, im, 4, this.tw2);
    stage5(re, im, bRe, bIm, 8, this.tw5a);
    stage5(bRe, bIm, re, im, 40, this.tw5b);
    // Z = E + iO, E/O the transforms of the even/odd samples: X[k] = E[k] + e^{-2πik/400}·O[k].
    for (let k = 0; k < BINS; k++) {
      const m = k === 0 || k === HALF ? 0 : HALF - k;
      const z = k === HALF ? 0 : k;
      const zr = re[z]!;
      const zi = im[z]!;
      const cr = re[m]!;
      const ci = -im[m]!;
      const er = (zr + cr) / 2;
      const ei = (zi + ci) / 2;
      const or = (zi - ci) / 2;
      const oi = -(zr - cr) / 2;
      const c = this.splitCos[k]!;
      const s = this.splitSin[k]!;
      const xr = er + c * or + s * oi;
      const xi = ei + c * oi - s * or;
      power[k] = xr * xr + xi * xi;
    }
  }
}

/** (cos, sin) of −2πkr/(span·radix) for k < span, r = 1…radix−1. */
function twiddles(span: number, radix: number): Float64Array {
  const out = new Float64Array(span * (radix - 1) * 2);
  for (let k = 0; k < span; k++) {
    for (let r = 1; r < radix; r++) {
      const angle = (-2 * Math.PI * k * r) / (span * radix);
      const at = (k * (radix - 1) + r - 1) * 2;
      out[at] = Math.cos(angle);
      out[at + 1] = Math.sin(angle);
    }
  }
  return out;
}

// One Stockham stage: inputs N/radix apart, twiddled, a radix-point DFT, outputs `span` apart.
// (The loops run over groups g and positions k rather than j with k = j mod span: a modulo per
// butterfly cost a third of the FFT.)
function stage2(re: Float64Array, im: Float64Array, oRe: Float64Array, oIm: Float64Array, span: number, tw: Float64Array): void {
  const q = HALF / 2;
  for (let g = 0; g < q; g += span) {
    for (let k = 0; k < span; k++) {
      const j = g + k;
      const c = tw[2 * k]!;
      const s = tw[2 * k + 1]!;
      const ar = re[j]!;
      const ai = im[j]!;
      const xr = re[j + q]!;
      const xi = im[j + q]!;
      const br = xr * c - xi * s;
      const bi = xr * s + xi * c;
      const d = g * 2 + k;
      oRe[d] = ar + br;
      oIm[d] = ai + bi;
      oRe[d + span] = ar - br;
      oIm[d + span] = ai - bi;
    }
  }
}

function stage4(re: Float64Array, im: Float64Array, oRe: Float64Array, oIm: Float64Array, span: number, tw: Float64Array): void {
  const q = HALF / 4;
  for (let g = 0; g < q; g += span) {
    for (let k = 0; k < span; k++) {
      const j = g + k;
      const t = k * 6;
      const a0r = re[j]!;
      const a0i = im[j]!;
      let xr = re[j + q]!;
      let xi = im[j + q]!;
      const a1r = xr * tw[t]! - xi * tw[t + 1]!;
      const a1i = xr * tw[t + 1]! + xi * tw[t]!;
      xr = re[j + 2 * q]!;
      xi = im[j + 2 * q]!;
      const a2r = xr * tw[t + 2]! - xi * tw[t + 3]!;
      const a2i = xr * tw[t + 3]! + xi * tw[t + 2]!;
      xr = re[j + 3 * q]!;
      xi = im[j + 3 * q]!;
      const a3r = xr * tw[t + 4]! - xi * tw[t + 5]!;
      const a3i = xr * tw[t + 5]! + xi * tw[t + 4]!;
      const t0r = a0r + a2r;
      const t0i = a0i + a2i;
      const t1r = a0r - a2r;
      const t1i = a0i - a2i;
      const t2r = a1r + a3r;
      const t2i = a1i + a3i;
      const t3r = a1r - a3r;
      const t3i = a1i - a3i;
      const d = g * 4 + k;
      oRe[d] = t0r + t2r;
      oIm[d] = t0i + t2i;
      oRe[d + span] = t1r + t3i;
      oIm[d + span] = t1i - t3r;
      oRe[d + 2 * span] = t0r - t2r;
      oIm[d + 2 * span] = t0i - t2i;
      oRe[d + 3 * span] = t1r - t3i;
      oIm[d + 3 * span] = t1i + t3r;
    }
  }
}

const C1 = Math.cos((2 * Math.PI) / 5);
const C2 = Math.cos((4 * Math.PI) / 5);
const S1 = Math.sin((2 * Math.PI) / 5);
const S2 = Math.sin((4 * Math.PI) / 5);

// jscpd:ignore-start -- the radix-4 and radix-5 butterflies are unrolled by hand: a shared helper per twiddle costs the hot loop its speed
function stage5(re: Float64Array, im: Float64Array, oRe: Float64Array, oIm: Float64Array, span: number, tw: Float64Array): void {
  const q = HALF / 5;
  for (let g = 0; g < q; g += span) {
    for (let k = 0; k < span; k++) {
      const j = g + k;
      const t = k * 8;
      const a0r = re[j]!;
      const a0i = im[j]!;
      let xr = re[j + q]!;
      let xi = im[j + q]!;
      const a1r = xr * tw[t]! - xi * tw[t + 1]!;
      const a1i = xr * tw[t + 1]! + xi * tw[t]!;
      xr = re[j + 2 * q]!;
      xi = im[j + 2 * q]!;
      const a2r = xr * tw[t + 2]! - xi * tw[t + 3]!;
      const a2i = xr * tw[t + 3]! + xi * tw[t + 2]!;
      xr = re[j + 3 * q]!;
      xi = im[j + 3 * q]!;
      const a3r = xr * tw[t + 4]! - xi * tw[t + 5]!;
      const a3i = xr * tw[t + 5]! + xi * tw[t + 4]!;
      xr = re[j + 4 * q]!;
      xi = im[j + 4 * q]!;
      const a4r = xr * tw[t + 6]! - xi * tw[t + 7]!;
      const a4i = xr * tw[t + 7]! + xi * tw[t + 6]!;
      // jscpd:ignore-end
      const b1r = a1r + a4r;
      const b1i = a1i + a4i;
      const b2r = a2r + a3r;
      const b2i = a2i + a3i;
      const d1r = a1r - a4r;
      const d1i = a1i - a4i;
      const d2r = a2r - a3r;
      const d2i = a2i - a3i;
      const m1r = a0r + C1 * b1r + C2 * b2r;
      const m1i = a0i + C1 * b1i + C2 * b2i;
      const m2r = a0r + C2 * b1r + C1 * b2r;
      const m2i = a0i + C2 * b1i + C1 * b2i;
      const n1r = S1 * d1r + S2 * d2r;
      const n1i = S1 * d1i + S2 * d2i;
      const n2r = S2 * d1r - S1 * d2r;
      const n2i = S2 * d1i - S1 * d2i;
      const d = g * 5 + k;
      oRe[d] = a0r + b1r + b2r;
      oIm[d] = a0i + b1i + b2i;
      oRe[d + span] = m1r + n1i;
      oIm[d + span] = m1i - n1r;
      oRe[d + 2 * span] = m2r + n2i;
      oIm[d + 2 * span] = m2i - n2r;
      oRe[d + 3 * span] = m2r - n2i;
      oIm[d + 3 * span] = m2i + n2r;
      oRe[d + 4 * span] = m1r - n1i;
      oIm[d + 4 * span] = m1i + n1r;
    }
  }
}
