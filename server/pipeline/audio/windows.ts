import { z } from 'zod';
import { lowestEnergyPoint } from './energy';
import type { SpeechRegion } from './vad/region-tracker';

const RATE = 16000;

/** A stretch of recording time (seconds). */
export interface Span {
  start: number;
  end: number;
}

/** What the transcriber hears in one call: one or more stretches of the recording, back to back. */
export interface AudioWindow {
  /** Recording time of the first sample. */
  start: number;
  /** Recording time of the last sample. */
  end: number;
  /** The speech regions it covers, in recording time. */
  regions: SpeechRegion[];
  /**
   * The stretches its audio is made of, in order: one span from `start` to
   * `end`, or with `speechOnly` the padded speech regions without the pauses
   * between them.
   */
  spans: Span[];
}

export const WindowOptionsSchema = z.object({
  /** Whisper's encoder sees exactly 30 s; longer windows would be truncated. */
  maxSeconds: z.number().positive().max(30).default(30),
  /** Context kept around the speech so the first and last words are whole. */
  padSeconds: z.number().nonnegative().max(2).default(0.2),
  /**
   * Leave out the pauses between speech regions (each region keeps its pad):
   * a window then holds up to 30 s of speech instead of 30 s of recording,
   * so fewer windows, i.e. fewer encoder runs and decoder passes, cover a
   * recording. Times are mapped back with `toRecordingTime`.
   */
  speechOnly: z.boolean().default(false),
});
export type WindowOptions = z.input<typeof WindowOptionsSchema>;

/** Where to cut a too-long region: the quietest point in [from, to], seconds. */
export type CutFinder = (from: number, to: number) => number;

/**
 * Groups speech regions into windows in time order, incrementally, so a
 * whole file and a live recording are packed by the same rules: neighbours
 * merge while the window (with its pad) stays within `maxSeconds`; a single
 * region that cannot fit is cut at its quietest points.
 */
export class WindowPacker {
  private readonly maxSeconds: number;
  private readonly pad: number;
  private readonly speechOnly: boolean;
  private regions: SpeechRegion[] = [];
  private previousEnd = 0;
  /** speechOnly: samples the open window's padded regions add up to. */
  private packedSamples = 0;

  constructor(
    options: WindowOptions,
    private readonly findCut: CutFinder,
  ) {
    ({ maxSeconds: this.maxSeconds, padSeconds: this.pad, speechOnly: this.speechOnly } = WindowOptionsSchema.parse(options));
  }

  /** Longest speech a window holds, leaving room for the pad on both sides. */
  get maxSpeechSeconds(): number {
    return this.maxSeconds - 2 * this.pad;
  }

  /** Start of the first region waiting in the open window. */
  get pendingStart(): number | null {
    return this.regions[0]?.start ?? null;
  }

  get lastRegionEnd(): number | null {
    return this.regions.at(-1)?.end ?? null;
  }

  /** Add the next region; returns the windows it closed. */
  add(region: SpeechRegion, audioEnd: number): AudioWindow[] {
    const closed: AudioWindow[] = [];
    for (const piece of this.split(region)) {
      if (this.overflows(piece)) closed.push(this.close(audioEnd)!);
      this.packedSamples += this.addedSamples(piece);
      this.regions.push(piece);
    }
    return closed;
  }

  /** Speech the open window holds so far (seconds, pads excluded). */
  get speechSeconds(): number {
    return this.regions.reduce((sum, r) => sum + r.end - r.start, 0);
  }

  private overflows(piece: SpeechRegion): boolean {
    const first = this.regions[0];
    if (!first) return false;
    if (!this.speechOnly) return piece.end - first.start > this.maxSpeechSeconds;
    // Counted in samples, as windowSamples copies them: rounding must not push a window past 30 s.
    return this.packedSamples + this.addedSamples(piece) > Math.round(this.maxSeconds * RATE);
  }

  /** Samples `piece` adds to the open window: its padded span minus any overlap with the previous one. */
  private addedSamples(piece: SpeechRegion): number {
    const last = this.regions.at(-1);
    const from = last ? Math.max(piece.start - this.pad, last.end + this.pad) : piece.start - this.pad;
    return Math.max(0, Math.round((piece.end + this.pad) * RATE) - Math.round(from * RATE));
  }

  /** Close the window being filled, if any; `audioEnd` bounds its end pad. */
  close(audioEnd: number): AudioWindow | null {
    const first = this.regions[0];
    const last = this.regions.at(-1);
    if (!first || !last) return null;
    const start = Math.max(0, first.start - this.pad, this.previousEnd);
    const end = Math.min(audioEnd, last.end + this.pad);
    const window = { start, end, regions: this.regions, spans: this.speechOnly ? this.paddedSpans(start, end) : [{ start, end }] };
    this.previousEnd = end;
    this.regions = [];
    this.packedSamples = 0;
    return window;
  }

  /** The regions with their pads, overlapping ones merged, within [start, end]. */
  private paddedSpans(start: number, end: number): Span[] {
    const spans: Span[] = [];
    for (const r of this.regions) {
      const from = Math.max(start, r.start - this.pad);
      const to = Math.min(end, r.end + this.pad);
      const previous = spans.at(-1);
      if (previous && from <= previous.end) previous.end = to;
      else spans.push({ start: from, end: to });
    }
    return spans;
  }

  private split(region: SpeechRegion): SpeechRegion[] {
    const limit = this.maxSpeechSeconds;
    const pieces: SpeechRegion[] = [];
    let cursor = region.start;
    while (region.end - cursor > limit) {
      // Search the second half, so no piece is needlessly short.
      const from = cursor + limit / 2;
      const to = cursor + limit;
      const cut = Math.min(to, Math.max(from, this.findCut(from, to)));
      pieces.push({ start: cursor, end: cut });
      cursor = cut;
    }
    pieces.push({ start: cursor, end: region.end });
    return pieces;
  }
}

/** Windows for a whole recording (16 kHz mono `samples`) from its speech regions. */
export function packWindows(regions: readonly SpeechRegion[], samples: Float32Array, options: WindowOptions = {}): AudioWindow[] {
  const duration = samples.length / RATE;
  const packer = new WindowPacker(options, (from, to) => lowestEnergyPoint(samples, 0, from, to));
  const windows = regions.flatMap((region) => packer.add(region, duration));
  const last = packer.close(duration);
  return last ? [...windows, last] : windows;
}

const sampleRange = (span: Span, sampleOffset: number): [number, number] => [
  Math.round(span.start * RATE) - sampleOffset,
  Math.round(span.end * RATE) - sampleOffset,
];

/** The samples of a window (its spans back to back), copied out of the recording. */
export function windowSamples(samples: Float32Array, window: AudioWindow, sampleOffset = 0): Float32Array {
  const ranges = window.spans.map((span) => sampleRange(span, sampleOffset));
  const out = new Float32Array(ranges.reduce((n, [from, to]) => n + to - from, 0));
  let at = 0;
  for (const [from, to] of ranges) {
    out.set(samples.subarray(from, to), at);
    at += to - from;
  }
  return out;
}

/**
 * A time in the window's audio (seconds from its first sample) → recording
 * time. A time on the seam between two spans belongs to the later span when
 * it starts something (`'start'`) and to the earlier one when it ends it.
 */
export function toRecordingTime(window: AudioWindow, seconds: number, side: 'start' | 'end'): number {
  let offset = 0;
  for (const [i, span] of window.spans.entries()) {
    const [from, to] = sampleRange(span, 0);
    const length = (to - from) / RATE;
    const inside = side === 'start' ? seconds < offset + length : seconds <= offset + length;
    if (inside || i === window.spans.length - 1) return Math.min(span.end, span.start + Math.max(0, seconds - offset));
    offset += length;
  }
  return window.start + seconds;
}
