import { z } from 'zod';

/** A stretch of speech in seconds from the start of the recording. */
export interface SpeechRegion {
  start: number;
  end: number;
}

export const VadOptionsSchema = z.object({
  /** Probability that starts speech. */
  threshold: z.number().min(0).max(1).default(0.5),
  /** Probability below which speech may end (hysteresis: lower than `threshold`). */
  negThreshold: z.number().min(0).max(1).default(0.35),
  /** Shorter bursts (coughs, clicks) are dropped. */
  minSpeechMs: z.number().nonnegative().default(250),
  /** Speech ends only after this much continuous silence: keeps pauses inside a sentence. */
  minSilenceMs: z.number().nonnegative().default(300),
  /**
   * Added on both sides; capped at half of `minSilenceMs` so neighbours never
   * overlap. 0 by default: regions mark the speech itself (Silero already
   * ends them about one frame late), and windows add their own pad.
   */
  speechPadMs: z.number().nonnegative().default(0),
});
export type VadOptions = z.input<typeof VadOptionsSchema>;

/** Sample indices, half-open. */
export interface SampleRegion {
  start: number;
  end: number;
}

/**
 * Hysteresis over per-frame speech probabilities, fed one frame at a time so
 * the same code serves a whole file and a live recording. Emits raw
 * (unpadded) regions once enough silence has followed them.
 */
export class RegionTracker {
  private readonly settings: z.output<typeof VadOptionsSchema>;
  private readonly minSpeech: number;
  private readonly minSilence: number;
  private speechStart: number | null = null;
  private silenceStart: number | null = null;

  constructor(
    options: VadOptions,
    private readonly frameSamples: number,
    sampleRate: number,
  ) {
    this.settings = VadOptionsSchema.parse(options);
    this.minSpeech = (this.settings.minSpeechMs / 1000) * sampleRate;
    this.minSilence = (this.settings.minSilenceMs / 1000) * sampleRate;
  }

  /** Start of the speech in progress, if any. */
  get openStart(): number | null {
    return this.speechStart;
  }

  /** Probability of the frame starting at sample `at`. */
  push(probability: number, at: number): SampleRegion | null {
    const { threshold, negThreshold } = this.settings;
    if (probability >= threshold) {
      this.silenceStart = null;
      this.speechStart ??= at;
      return null;
    }
    if (this.speechStart === null || probability >= negThreshold) return null;
    this.silenceStart ??= at;
    if (at + this.frameSamples - this.silenceStart < this.minSilence) return null;
    return this.close(this.silenceStart);
  }

  /** The audio ended at sample `at`: close any speech in progress. */
  finish(at: number): SampleRegion | null {
    return this.speechStart === null ? null : this.close(this.silenceStart ?? at);
  }

  /** Cut speech that has gone on too long at sample `at` (inside it); the rest continues as new speech. */
  split(at: number): SampleRegion {
    const region = { start: this.speechStart ?? at, end: at };
    this.speechStart = at;
    if (this.silenceStart !== null && this.silenceStart < at) this.silenceStart = at;
    return region;
  }

  private close(end: number): SampleRegion | null {
    const start = this.speechStart!;
    this.speechStart = null;
    this.silenceStart = null;
    return end - start >= this.minSpeech ? { start, end } : null;
  }
}

/** Seconds, padded on both sides within [0, totalSamples]. */
export function padRegion(region: SampleRegion, options: VadOptions, sampleRate: number, totalSamples: number): SpeechRegion {
  const { speechPadMs, minSilenceMs } = VadOptionsSchema.parse(options);
  const pad = (Math.min(speechPadMs, minSilenceMs / 2) / 1000) * sampleRate;
  return {
    start: Math.max(0, region.start - pad) / sampleRate,
    end: Math.min(totalSamples, region.end + pad) / sampleRate,
  };
}
