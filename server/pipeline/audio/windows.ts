import { z } from 'zod';
import { lowestEnergyPoint } from './energy';
import type { SpeechRegion } from './vad/region-tracker';

/** A stretch of the recording (seconds) sent to the transcriber in one call. */
export interface AudioWindow {
  start: number;
  end: number;
  /** The speech regions it covers, in recording time. */
  regions: SpeechRegion[];
}

export const WindowOptionsSchema = z.object({
  /** Whisper's encoder sees exactly 30 s; longer windows would be truncated. */
  maxSeconds: z.number().positive().max(30).default(30),
  /** Context kept around the speech so the first and last words are whole. */
  padSeconds: z.number().nonnegative().max(2).default(0.2),
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
  private regions: SpeechRegion[] = [];
  private previousEnd = 0;

  constructor(
    options: WindowOptions,
    private readonly findCut: CutFinder,
  ) {
    ({ maxSeconds: this.maxSeconds, padSeconds: this.pad } = WindowOptionsSchema.parse(options));
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
      const first = this.regions[0];
      if (first && piece.end - first.start > this.maxSpeechSeconds) closed.push(this.close(audioEnd)!);
      this.regions.push(piece);
    }
    return closed;
  }

  /** Close the window being filled, if any; `audioEnd` bounds its end pad. */
  close(audioEnd: number): AudioWindow | null {
    const first = this.regions[0];
    const last = this.regions.at(-1);
    if (!first || !last) return null;
    const window = {
      start: Math.max(0, first.start - this.pad, this.previousEnd),
      end: Math.min(audioEnd, last.end + this.pad),
      regions: this.regions,
    };
    this.previousEnd = window.end;
    this.regions = [];
    return window;
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
  const duration = samples.length / 16000;
  const packer = new WindowPacker(options, (from, to) => lowestEnergyPoint(samples, 0, from, to));
  const windows = regions.flatMap((region) => packer.add(region, duration));
  const last = packer.close(duration);
  return last ? [...windows, last] : windows;
}

/** The samples of a window, copied out of the recording. */
export function windowSamples(samples: Float32Array, window: AudioWindow, sampleOffset = 0): Float32Array {
  return samples.slice(Math.round(window.start * 16000) - sampleOffset, Math.round(window.end * 16000) - sampleOffset);
}
