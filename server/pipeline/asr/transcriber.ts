import type { TranscriberInfo, TranscriptSegment } from '../../contracts/transcript';
import type { ModelStatus } from '../runtime/model-status';

/** 16 kHz mono float samples in [-1, 1], as every model here expects. */
export interface PcmAudio {
  samples: Float32Array;
  sampleRate: 16000;
}

export interface TranscribeOptions {
  language: string; // "sv", "en"
  /** Initial prompt from the workflow vocabulary (drug names, places). */
  prompt?: string;
  /** Offset added to every time, for windows cut from a longer recording. */
  offsetSeconds?: number;
  speaker?: string | null;
  signal?: AbortSignal;
}

/**
 * One capability, one interface: turn a window of audio (≤ 30 s) into
 * segments. Adapters (local Whisper ONNX, hosted OpenAI-compatible) keep every
 * vendor detail inside themselves; callers see only the project's types.
 */
export interface Transcriber {
  readonly info: TranscriberInfo;
  status(): Promise<ModelStatus>;
  transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]>;
  /**
   * Several windows at once (a whole file has them up front), results in
   * order, each as `transcribe` would give it. Adapters that gain from it
   * (local Whisper: one batch through the decoder) implement it, with
   * `batchSize` windows per call at most, or up to half as many again for the
   * last windows of a file (so no batch of one is left over); callers without
   * it go one by one.
   */
  transcribeMany?(windows: readonly { audio: PcmAudio; options: TranscribeOptions }[]): Promise<TranscriptSegment[][]>;
  readonly batchSize?: number;
  /**
   * A hint that these windows (the same sample arrays) come next: an adapter
   * may start preparing them while it still works on the current ones
   * (local Whisper: their features on a worker thread). Never required.
   */
  prefetch?(windows: readonly PcmAudio[]): void;
  dispose(): Promise<void>;
}
