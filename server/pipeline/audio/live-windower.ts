import { z } from 'zod';
import { lowestEnergyPoint } from './energy';
import { SampleBuffer } from './sample-buffer';
import { FRAME_SAMPLES, SileroStream } from './vad/silero-model';
import { padRegion, RegionTracker, VadOptionsSchema, type SampleRegion } from './vad/region-tracker';
import { WindowOptionsSchema, WindowPacker, type AudioWindow } from './windows';

const RATE = 16000;

export const LiveWindowerOptionsSchema = z.object({
  vad: VadOptionsSchema.prefault({}),
  window: WindowOptionsSchema.prefault({}),
  /** A pause this long ends the open window once it holds `minSpeechSeconds` of speech. */
  closeAfterSilenceSeconds: z.number().positive().default(1),
  /**
   * Every window costs an encoder run and a decoder pass, so closing one at
   * every short pause (3× the windows of a whole file) made live
   * transcription fall behind the recording. Short pauses close a window
   * only once it holds this much speech.
   */
  minSpeechSeconds: z.number().nonnegative().max(30).default(15),
  /** A pause this long closes the window whatever it holds: nobody speaks, so the transcriber is free. */
  closeAfterLongSilenceSeconds: z.number().positive().default(2),
});
export type LiveWindowerOptions = z.input<typeof LiveWindowerOptionsSchema>;

/** A finished window with its audio, ready for the transcriber. */
export interface LiveWindow extends AudioWindow {
  samples: Float32Array;
}

/**
 * Windows for a recording still in progress. Chunks of 16 kHz mono audio are
 * appended as they arrive; VAD runs on each complete frame, and a window is
 * returned as soon as a pause closes it (or it is full), so transcription
 * keeps pace with the conversation. `flush()` at stop returns the tail.
 * The packing rules are those of `packWindows` for a whole file.
 */
export class LiveWindower {
  private readonly settings: z.output<typeof LiveWindowerOptionsSchema>;
  private readonly buffer = new SampleBuffer();
  private readonly tracker: RegionTracker;
  private readonly packer: WindowPacker;
  private vadPosition = 0;
  private flushed = false;

  private constructor(
    private readonly vad: SileroStream,
    options: LiveWindowerOptions,
  ) {
    this.settings = LiveWindowerOptionsSchema.parse(options);
    this.tracker = new RegionTracker(this.settings.vad, FRAME_SAMPLES, RATE);
    this.packer = new WindowPacker(this.settings.window, (from, to) =>
      lowestEnergyPoint(this.buffer.view(), this.buffer.offset, from, to),
    );
  }

  static async open(options: LiveWindowerOptions = {}): Promise<LiveWindower> {
    return new LiveWindower(await SileroStream.open(), options);
  }

  async append(chunk: Float32Array): Promise<LiveWindow[]> {
    if (this.flushed) throw new Error('LiveWindower: append() after flush()');
    this.buffer.append(chunk);
    const closed: AudioWindow[] = [];
    while (this.vadPosition + FRAME_SAMPLES <= this.buffer.length) {
      closed.push(...(await this.step()));
      closed.push(...this.splitLongSpeech());
      const window = this.closeOnSilence();
      if (window) closed.push(window);
    }
    const ready = closed.map((w) => this.withSamples(w));
    this.buffer.discardBefore(this.keepFrom());
    return ready;
  }

  /** Recording stopped: close the speech in progress and return every remaining window. */
  async flush(): Promise<LiveWindow[]> {
    if (this.flushed) return [];
    this.flushed = true;
    const closed: AudioWindow[] = [];
    if (this.vadPosition < this.buffer.length) closed.push(...(await this.step())); // zero-padded last frame
    const end = this.buffer.length;
    const last = this.tracker.finish(Math.min(end, this.vadPosition));
    if (last) closed.push(...this.addRegion(last));
    const window = this.packer.close(end / RATE);
    if (window) closed.push(window);
    return closed.map((w) => this.withSamples(w));
  }

  private async step(): Promise<AudioWindow[]> {
    const at = this.vadPosition;
    const probability = await this.vad.next(this.buffer.slice(at, at + FRAME_SAMPLES));
    this.vadPosition += FRAME_SAMPLES;
    const region = this.tracker.push(probability, at);
    return region ? this.addRegion(region) : [];
  }

  private addRegion(raw: SampleRegion): AudioWindow[] {
    const region = padRegion(raw, this.settings.vad, RATE, this.buffer.length);
    return this.packer.add(region, this.buffer.length / RATE);
  }

  /** Speech that never pauses is cut before it outgrows a window, at its quietest point. */
  private splitLongSpeech(): AudioWindow[] {
    const open = this.tracker.openStart;
    const pad = (this.settings.vad.speechPadMs / 1000) * RATE;
    const limit = this.packer.maxSpeechSeconds * RATE - 2 * pad - FRAME_SAMPLES;
    if (open === null || this.vadPosition - open < limit) return [];
    const cut = lowestEnergyPoint(this.buffer.view(), this.buffer.offset, (open + limit / 2) / RATE, (open + limit) / RATE);
    const closed = this.addRegion(this.tracker.split(Math.round(cut * RATE)));
    // The cut fills the window: send it now rather than when the speech finally pauses.
    const full = this.packer.close(this.buffer.length / RATE);
    return full ? [...closed, full] : closed;
  }

  private closeOnSilence(): AudioWindow | null {
    const lastEnd = this.packer.lastRegionEnd;
    if (this.tracker.openStart !== null || lastEnd === null) return null;
    const silence = this.vadPosition / RATE - lastEnd;
    const { closeAfterSilenceSeconds, closeAfterLongSilenceSeconds, minSpeechSeconds } = this.settings;
    const enough = this.packer.speechSeconds >= minSpeechSeconds ? closeAfterSilenceSeconds : closeAfterLongSilenceSeconds;
    if (silence < enough) return null;
    return this.packer.close(this.buffer.length / RATE);
  }

  private withSamples(window: AudioWindow): LiveWindow {
    const samples = this.buffer.slice(Math.round(window.start * RATE), Math.round(window.end * RATE));
    return { ...window, samples };
  }

  /** The earliest sample a future window can still need. */
  private keepFrom(): number {
    const margin = ((this.settings.vad.speechPadMs / 1000 + this.settings.window.padSeconds) * RATE) + FRAME_SAMPLES;
    const pending = this.packer.pendingStart;
    const open = this.tracker.openStart;
    return Math.min(
      this.vadPosition - margin,
      open === null ? Infinity : open - margin,
      pending === null ? Infinity : pending * RATE - margin,
    );
  }
}
