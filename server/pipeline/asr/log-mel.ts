import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { z } from 'zod';
import { RealFft400 } from './real-fft';

export { RealFft400 } from './real-fft';

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

const MelFilters = z.array(z.array(z.number()).length(BINS));
const HannWindow = z.instanceof(Float64Array).refine((w) => w.length === N_FFT);

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
    mel_filters: MelFilters,
  }),
  window: HannWindow,
});

const SettingsSchema = z.object({
  melFilters: MelFilters.refine((rows) => rows.length === 80 || rows.length === 128),
  window: HannWindow,
});
export type LogMelSettings = z.infer<typeof SettingsSchema>;

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

  /** What another thread needs to build the same extractor (plain data: it crosses `postMessage`); one object per instance. */
  readonly settings: LogMelSettings;

  private constructor(melFilters: readonly (readonly number[])[], window: LogMelSettings['window']) {
    this.settings = { melFilters: melFilters.map((row) => [...row]), window };
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

  /** The same extractor from `settings` (e.g. on a worker thread): same bands, same window, same numbers. */
  static fromSettings(settings: LogMelSettings): LogMelSpectrogram {
    const parsed = SettingsSchema.parse(settings);
    return new LogMelSpectrogram(parsed.melFilters, parsed.window);
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
