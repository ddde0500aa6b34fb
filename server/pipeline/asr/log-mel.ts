import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { z } from 'zod';

/**
 * Whisper's log-mel spectrogram, computing exactly what transformers.js's
 * `WhisperFeatureExtractor` computes (n_fft 400, hop 160, periodic Hann,
 * power spectrum, the extractor's own mel filterbank, log10 clamped at 1e-10,
 * floor at max − 8, (x + 4) / 4, 3000 frames of a 30 s window), only faster:
 * - a 400-point real DFT done as one 200-point complex FFT (Stockham,
 *   radices 4·2·5·5, twiddles precomputed) — transformers.js pads 400 to a
 *   Bluestein transform of 1024+ points;
 * - the mel filterbank applied sparsely (each triangle covers a few bins,
 *   transformers.js multiplies the dense 80 × 201 matrix);
 * - frames that lie entirely in the zero padding after the audio are not
 *   transformed: they are the constant floor;
 * - every buffer, including the output, is allocated once per instance.
 */

const N_FFT = 400;
const HOP = 160;
const HALF = N_FFT / 2;
const BINS = HALF + 1;
const FRAMES = 3000;
const WINDOW_SAMPLES = 480_000;
const MEL_FLOOR = 1e-10;

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

/**
 * The settings of a loaded transformers.js extractor that this class
 * reproduces; anything else (another FFT size, hop, window length, mel count,
 * a subclass) is left to transformers.js.
 */
const ExtractorSchema = z.object({
  config: z.object({
    feature_size: z.union([z.literal(80), z.literal(128)]),
    n_fft: z.literal(N_FFT),
    hop_length: z.literal(HOP),
    sampling_rate: z.literal(16_000),
    n_samples: z.literal(WINDOW_SAMPLES),
    nb_max_frames: z.literal(FRAMES),
    // Given by preprocessor_config.json or computed by transformers.js (`mel_filter_bank`, Slaney).
    mel_filters: z.array(z.array(z.number()).length(BINS)),
  }),
  window: z.instanceof(Float64Array).refine((w) => w.length === N_FFT),
});

/** A mel filter's non-zero stretch of frequency bins. */
interface Band {
  first: number;
  weights: Float64Array;
}

export class LogMelSpectrogram {
  readonly melBins: number;
  private readonly bands: Band[];
  private readonly window: Float64Array;
  private readonly fft = new RealFft400();
  private readonly frame = new Float64Array(N_FFT);
  private readonly power = new Float64Array(BINS);
  private readonly output: Float32Array;
  private readonly dims: readonly [1, number, number];

  private constructor(melFilters: readonly (readonly number[])[], window: Float64Array) {
    this.melBins = melFilters.length;
    this.window = window;
    this.bands = melFilters.map((row) => {
      const first = row.findIndex((w) => w !== 0);
      if (first < 0) return { first: 0, weights: new Float64Array(0) };
      const last = row.findLastIndex((w) => w !== 0);
      return { first, weights: Float64Array.from(row.slice(first, last + 1)) };
    });
    this.output = new Float32Array(this.melBins * FRAMES);
    this.dims = [1, this.melBins, FRAMES];
  }

  /** Ours for a loaded `WhisperFeatureExtractor` whose settings we reproduce exactly; null means: use the extractor. */
  static fromExtractor(extractor: unknown): LogMelSpectrogram | null {
    if (!(extractor instanceof WhisperFeatureExtractor)) return null;
    if (Object.getPrototypeOf(extractor) !== WhisperFeatureExtractor.prototype) return null;
    // The extractor is a callable (a function object): read its fields, not the object.
    const parsed = ExtractorSchema.safeParse({ config: extractor.config, window: extractor.window });
    if (!parsed.success || parsed.data.config.mel_filters.length !== parsed.data.config.feature_size) return null;
    return new LogMelSpectrogram(parsed.data.config.mel_filters, parsed.data.window);
  }

  /**
   * Features of one ≤ 30 s window (longer input is cut, as transformers.js
   * does), shaped [1, mels, 3000]. The returned array is this instance's
   * buffer: it is overwritten by the next call.
   */
  extract(samples: Float32Array): { data: Float32Array; dims: readonly [1, number, number] } {
    const length = Math.min(samples.length, WINDOW_SAMPLES);
    // Frame i covers samples [160i − 200, 160i + 200): later frames read only zero padding.
    const active = Math.min(FRAMES, Math.ceil((length + HALF) / HOP));
    const { fft, power, output, bands, melBins, window } = this;
    let max = -Infinity;
    for (let i = 0; i < active; i++) {
      const start = i * HOP - HALF;
      if (start >= 0 && start + N_FFT <= length) fft.windowedPowerSpectrum(samples, start, window, power);
      else {
        this.fillFrame(samples, length, start);
        fft.powerSpectrum(this.frame, power);
      }
      for (let m = 0; m < melBins; m++) {
        const { first, weights } = bands[m]!;
        let sum = 0;
        for (let b = 0; b < weights.length; b++) sum += weights[b]! * power[first + b]!;
        const value = Math.log10(Math.max(MEL_FLOOR, sum));
        output[m * FRAMES + i] = value;
        if (value > max) max = value;
      }
    }
    const silent = Math.log10(MEL_FLOOR);
    if (active < FRAMES) max = Math.max(max, silent);
    const threshold = max - 8;
    const padding = (Math.max(silent, threshold) + 4) / 4;
    for (let m = 0; m < this.melBins; m++) {
      const row = m * FRAMES;
      for (let i = 0; i < active; i++) this.output[row + i] = (Math.max(this.output[row + i]!, threshold) + 4) / 4;
      this.output.fill(padding, row + active, row + FRAMES);
    }
    return { data: this.output, dims: this.dims };
  }

  /**
   * Windowed samples from `start`. The window is the audio zero-padded to
   * 30 s, then mirrored at both ends (numpy's "reflect"): the first frames
   * start before sample 0, the last one ends 40 samples past 30 s.
   */
  private fillFrame(samples: Float32Array, length: number, start: number): void {
    const { frame, window } = this;
    const lastIndex = WINDOW_SAMPLES - 1;
    for (let j = 0; j < N_FFT; j++) {
      const at = start + j;
      const n = at < 0 ? -at : at > lastIndex ? 2 * lastIndex - at : at;
      frame[j] = n < length ? samples[n]! * window[j]! : 0;
    }
  }
}
