import workletUrl from './capture-worklet.ts?worker&url';
import { CAPTURE_PROCESSOR, FLUSHED, type CaptureCommand } from './capture-protocol';

/**
 * Microphone → 16 kHz mono 16-bit PCM in numbered chunks. The audio graph
 * runs at 16 kHz when the browser allows it (Chromium resamples the
 * microphone itself); otherwise a box-filter downsampler brings it there.
 * The samples come from an AudioWorklet (capture-worklet.ts, its own script
 * built by Vite and served from the app's origin), which replaced the
 * deprecated ScriptProcessorNode; the page keeps the downsampling, chunking
 * and level so the chunks and their hash are cut exactly as before.
 */
export const RATE = 16_000;

/** How long stop() waits for the worklet's last samples; a suspended context never answers. */
const FLUSH_WAIT_MS = 1000;

export type CaptureProblem = 'denied' | 'no_device' | 'unsupported' | 'failed';

export class CaptureError extends Error {
  constructor(readonly problem: CaptureProblem) {
    super(problem);
  }
}

export interface CaptureOptions {
  chunkSeconds: number;
  /** a full chunk of 16-bit little-endian PCM; called in order */
  onChunk(bytes: Uint8Array): void;
  /** 0…1, about ten times a second */
  onLevel(level: number): void;
}

export interface Capture {
  pause(): void;
  resume(): void;
  /** stops the microphone and hands over the last, partial chunk */
  stop(): Promise<void>;
}

class Downsampler {
  private position = 0;
  constructor(private readonly ratio: number) {}

  process(input: Float32Array): Float32Array {
    if (this.ratio === 1) return input.slice();
    const out: number[] = [];
    while (this.position + this.ratio <= input.length) {
      const from = Math.max(0, Math.floor(this.position));
      const to = Math.max(from + 1, Math.floor(this.position + this.ratio));
      let sum = 0;
      for (let i = from; i < to; i++) sum += input[i]!;
      out.push(sum / (to - from));
      this.position += this.ratio;
    }
    this.position -= input.length;
    return Float32Array.from(out);
  }
}

function toPcm16(samples: Float32Array, into: DataView, at: number): void {
  for (let i = 0; i < samples.length; i++) {
    const x = Math.max(-1, Math.min(1, samples[i]!));
    into.setInt16(at + 2 * i, Math.round(x * 32767), true);
  }
}

async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CaptureError('unsupported');
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CaptureError('denied');
    if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') throw new CaptureError('no_device');
    throw new CaptureError('failed');
  }
}

/** The capture worklet in the context, or why not: no AudioWorklet (an old browser) is "unsupported". */
async function captureNode(context: AudioContext): Promise<AudioWorkletNode> {
  if (!context.audioWorklet) throw new CaptureError('unsupported');
  try {
    await context.audioWorklet.addModule(workletUrl);
    // one output, connected to the destination (silence): a node the destination pulls is always processed
    return new AudioWorkletNode(context, CAPTURE_PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit' });
  } catch {
    throw new CaptureError('failed');
  }
}

export async function startCapture(options: CaptureOptions): Promise<Capture> {
  const stream = await openMicrophone();
  let context: AudioContext;
  try {
    context = new AudioContext({ sampleRate: RATE });
  } catch {
    context = new AudioContext();
  }
  let node: AudioWorkletNode;
  try {
    node = await captureNode(context);
  } catch (error) {
    stream.getTracks().forEach((t) => t.stop());
    await context.close();
    throw error;
  }
  const source = context.createMediaStreamSource(stream);
  const downsample = new Downsampler(context.sampleRate / RATE);
  const chunkBytes = options.chunkSeconds * RATE * 2;
  let buffer = new Uint8Array(chunkBytes);
  let filled = 0;
  let lastLevel = 0;
  let flushed: (() => void) | null = null;
  const command = (c: CaptureCommand) => node.port.postMessage(c);

  const append = (samples: Float32Array) => {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(samples.length - offset, (chunkBytes - filled) / 2);
      toPcm16(samples.subarray(offset, offset + take), new DataView(buffer.buffer), filled);
      filled += take * 2;
      offset += take;
      if (filled === chunkBytes) {
        options.onChunk(buffer);
        buffer = new Uint8Array(chunkBytes);
        filled = 0;
      }
    }
  };

  node.port.onmessage = (event: MessageEvent<Float32Array | typeof FLUSHED>) => {
    if (event.data === FLUSHED) return flushed?.();
    const input = event.data;
    append(downsample.process(input));
    const now = performance.now();
    if (now - lastLevel > 100) {
      lastLevel = now;
      let sum = 0;
      for (let i = 0; i < input.length; i++) sum += input[i]! * input[i]!;
      options.onLevel(Math.min(1, Math.sqrt(sum / input.length) * 4));
    }
  };
  source.connect(node);
  node.connect(context.destination);

  return {
    pause: () => {
      command('pause');
      options.onLevel(0);
    },
    resume: () => command('resume'),
    stop: async () => {
      // every sample the worklet holds comes over before the graph is closed
      await new Promise<void>((resolve) => {
        flushed = resolve;
        setTimeout(resolve, FLUSH_WAIT_MS);
        command('flush');
      });
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
      stream.getTracks().forEach((t) => t.stop());
      await context.close();
      if (filled > 0) options.onChunk(buffer.slice(0, filled));
      options.onLevel(0);
    },
  };
}
