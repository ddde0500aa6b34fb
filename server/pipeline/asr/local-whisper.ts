import { pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { z } from 'zod';
import { abortedError } from '../errors';
import type { TranscriberInfo, TranscriptSegment } from '../../contracts/transcript';
import type { ModelStatus } from '../runtime/model-status';
import type { PcmAudio, TranscribeOptions, Transcriber } from './transcriber';
import { type DtypeSetting, DtypeSettingSchema } from '../runtime/model-files';
import { ModelIdSchema, type ProgressListener, LeaseSlot, checkLocalModel, leaseLocalPipeline } from '../runtime/local-runtime';
import { buildWhisperPrompt, stripPromptEcho } from './local-whisper-prompt';
import { backgroundLogMel } from './background-log-mel';
import type { LogMelSettings } from './log-mel';
import { featureSettingsFor, transcribeWindows } from './whisper-window';

/** The deployment default: KB-Whisper small (Swedish), published with ONNX exports. */
export const DEFAULT_WHISPER_MODEL_ID = 'KBLab/kb-whisper-small';

const SAMPLE_RATE = 16_000;
/** Whisper sees 30 s per window; the feature extractor silently cuts anything longer. */
const MAX_WINDOW_SECONDS = 30;

export const LocalWhisperOptionsSchema = z.object({
  modelsDir: z.string().min(1),
  modelId: ModelIdSchema.default(DEFAULT_WHISPER_MODEL_ID),
  dtype: DtypeSettingSchema.default('fp32'),
  /**
   * Windows decoded together by `transcribeMany` (whole files): a decoder
   * step reads all weights once for the batch, so 4 windows cost about as
   * much as 2 (bench/README). Memory grows by about one window's cache per
   * row (small: ~120 MB).
   */
  batchSize: z.number().int().min(1).max(8).default(4),
});
export type LocalWhisperOptions = z.input<typeof LocalWhisperOptionsSchema> & {
  /** Loading progress of the first load of this model (later users share the loaded pipeline). */
  onProgress?: ProgressListener;
};

const TranscribeOptionsSchema = z.object({
  language: z.string().regex(/^[a-z]{2,3}$/, 'language: ISO 639-1 code such as "sv"'),
  prompt: z.string().max(4000).optional(),
  offsetSeconds: z.number().nonnegative().default(0),
  speaker: z.string().max(64).nullable().default(null),
});

const AudioSchema = z.object({
  sampleRate: z.literal(SAMPLE_RATE),
  samples: z
    .instanceof(Float32Array)
    .refine((s) => s.length > 0, 'audio is empty')
    .refine((s) => s.length <= MAX_WINDOW_SECONDS * SAMPLE_RATE, `a window is at most ${MAX_WINDOW_SECONDS} s`),
});

const ChunkSchema = z.object({
  text: z.string(),
  timestamp: z.tuple([z.number().nullable(), z.number().nullable()]),
});
const OutputSchema = z.object({ text: z.string(), chunks: z.array(ChunkSchema).optional() });
type Chunk = z.infer<typeof ChunkSchema>;

/**
 * Local Whisper (ONNX through transformers.js, CPU; our greedy decoding loop,
 * see `whisper-window.ts`). Reads models only from
 * `modelsDir/<modelId>/`; never downloads. One pipeline per (model, dtype) is
 * shared by every instance in the process and disposed with the last one.
 */
export class LocalWhisperTranscriber implements Transcriber {
  readonly info: TranscriberInfo;
  readonly batchSize: number;
  private readonly modelsDir: string;
  private readonly modelId: string;
  private readonly dtype: DtypeSetting;
  private readonly onProgress: ProgressListener | undefined;
  private readonly slot = new LeaseSlot<AutomaticSpeechRecognitionPipeline>(() =>
    leaseLocalPipeline(
      { task: 'automatic-speech-recognition', kind: 'whisper', modelsDir: this.modelsDir, modelId: this.modelId, dtype: this.dtype, onProgress: this.onProgress },
      (folder, options) => pipeline('automatic-speech-recognition', folder, options),
    ),
  );

  /** Known once the pipeline has been used: how to compute its features on the log-mel worker (null: it cannot). */
  private featureSettings: LogMelSettings | null | undefined;
  /** Features being computed for windows announced by `prefetch`, by the window's samples. */
  private readonly prefetched = new WeakMap<Float32Array, Promise<Float32Array>>();

  constructor(options: LocalWhisperOptions) {
    const parsed = LocalWhisperOptionsSchema.parse(options);
    this.modelsDir = parsed.modelsDir;
    this.modelId = parsed.modelId;
    this.dtype = parsed.dtype;
    this.batchSize = parsed.batchSize;
    this.onProgress = options.onProgress;
    this.info = {
      transcriberId: `local:${this.modelId}`,
      modelId: this.modelId,
      settings: { dtype: this.dtype, device: 'cpu', task: 'transcribe', timestamps: 'segment' },
    };
  }

  status(): Promise<ModelStatus> {
    return checkLocalModel(this.modelsDir, this.modelId, 'whisper', this.dtype);
  }

  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    const [segments] = await this.transcribeMany([{ audio, options }]);
    return segments!;
  }

  /**
   * Starts the log-mel features of windows that come next on a worker
   * thread, so they are ready when `transcribeMany` gets the same sample
   * arrays (while the current batch decodes, the features of the next one
   * cost the model nothing). A hint: before the pipeline's first use, or for
   * a model whose features are not ours, it does nothing.
   */
  prefetch(windows: readonly PcmAudio[]): void {
    const settings = this.featureSettings;
    if (!settings) return;
    for (const { samples } of windows) {
      if (this.prefetched.has(samples) || samples.length === 0) continue;
      const features = backgroundLogMel(settings, samples);
      features.catch(() => undefined); // a failed worker falls back to the main thread in transcribeWindows
      this.prefetched.set(samples, features);
    }
  }

  async transcribeMany(windows: readonly { audio: PcmAudio; options: TranscribeOptions }[]): Promise<TranscriptSegment[][]> {
    const parsed = windows.map(({ audio, options }) => ({
      samples: AudioSchema.parse(audio).samples,
      opts: TranscribeOptionsSchema.parse(options),
      signal: options.signal,
    }));
    const aborted = (): boolean => parsed.some((w) => w.signal?.aborted);
    if (aborted()) throw abortedError();

    const lease = await this.slot.get();
    const prepared = parsed.map(({ samples }) => this.prefetched.get(samples));
    for (const { samples } of parsed) this.prefetched.delete(samples);
    const results = await lease.run(async (asr) => {
      if (aborted()) throw abortedError();
      this.featureSettings ??= featureSettingsFor(asr);
      const prompts = parsed.map(({ opts }) => (opts.prompt?.trim() ? buildWhisperPrompt(asr.tokenizer, opts.prompt, opts.language) : null));
      const raw = await transcribeWindows(
        asr,
        parsed.map(({ samples, opts }, i) => ({
          samples,
          request: { language: opts.language, ...(prompts[i] ? { decoderInputIds: prompts[i].decoderInputIds } : {}) },
          features: prepared[i],
        })),
      );
      return raw.map((r, i) => {
        const out = OutputSchema.parse(r);
        const found = out.chunks ?? [{ text: out.text, timestamp: [0, null] as [number, null] }];
        const prompt = prompts[i];
        return prompt ? stripPromptEcho(found, prompt.echo) : found;
      });
    });
    if (aborted()) throw abortedError();
    return results.map((chunks, i) => {
      const { samples, opts } = parsed[i]!;
      return toSegments(chunks, samples.length / SAMPLE_RATE, opts.offsetSeconds, opts.speaker);
    });
  }

  dispose(): Promise<void> {
    return this.slot.release();
  }
}

function toSegments(chunks: Chunk[], duration: number, offset: number, speaker: string | null): TranscriptSegment[] {
  const round = (t: number): number => Math.round((t + offset) * 1000) / 1000;
  return chunks
    .map((c) => ({ ...c, text: c.text.trim() }))
    .filter((c) => c.text !== '')
    .map((c, i) => {
      const start = Math.min(c.timestamp[0] ?? 0, duration);
      // The last chunk of a window may lack an end timestamp: it runs to the end of the audio.
      const end = Math.max(start, Math.min(c.timestamp[1] ?? duration, duration));
      return { id: `s${i + 1}`, start: round(start), end: round(end), speaker, text: c.text };
    });
}
