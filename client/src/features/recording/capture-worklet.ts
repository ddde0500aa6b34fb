/**
 * Runs on the audio rendering thread (an AudioWorkletGlobalScope, not the
 * page): copies the microphone's samples, as they come, into batches and
 * posts each batch to the page, which downsamples, cuts chunks and hashes.
 * No sample is dropped or repeated while recording; "pause" stops taking
 * samples, "flush" posts the partial batch and then "flushed", so the page
 * knows it has every sample before it closes the audio graph.
 *
 * Built by Vite as its own script (`?worker&url`), loaded from the app's
 * origin, so the CSP's script-src 'self' admits it.
 */

import { CAPTURE_PROCESSOR, FLUSHED, type CaptureCommand } from './capture-protocol';

// The worklet scope's globals; TypeScript's DOM library declares only the page side.
interface ProcessorBase {
  readonly port: MessagePort;
}
declare const AudioWorkletProcessor: { prototype: ProcessorBase; new (): ProcessorBase };
declare function registerProcessor(name: string, processor: new () => ProcessorBase & { process(inputs: Float32Array[][]): boolean }): void;

/** 2048 frames: about 8 posts a second at 16 kHz, 23 at 48 kHz. */
const BATCH = 2048;

class CaptureProcessor extends AudioWorkletProcessor {
  private batch = new Float32Array(BATCH);
  private filled = 0;
  private paused = false;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<CaptureCommand>) => {
      if (event.data === 'pause') this.paused = true;
      else if (event.data === 'resume') this.paused = false;
      else {
        this.post();
        this.port.postMessage(FLUSHED);
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel || this.paused) return true;
    let offset = 0;
    while (offset < channel.length) {
      const take = Math.min(channel.length - offset, BATCH - this.filled);
      this.batch.set(channel.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === BATCH) this.post();
    }
    // keep running while the graph holds the node; stop() disconnects it
    return true;
  }

  /** Hands the batch over (transferred, not copied) and starts a new one. */
  private post(): void {
    if (this.filled === 0) return;
    const samples = this.filled === BATCH ? this.batch : this.batch.slice(0, this.filled);
    this.port.postMessage(samples, [samples.buffer]);
    this.batch = new Float32Array(BATCH);
    this.filled = 0;
  }
}

registerProcessor(CAPTURE_PROCESSOR, CaptureProcessor);
