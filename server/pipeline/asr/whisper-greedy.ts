import { Tensor } from '@huggingface/transformers';
import { TokenRules, WhisperGenerationSchema } from './whisper-token-rules';

/**
 * Greedy Whisper decoding on the onnxruntime sessions transformers.js has
 * already loaded: the encoder once per 30 s of features, then the merged
 * decoder with its KV cache, one token per step. transformers.js's generic
 * `generate()` did the same work with a chain of logits processors that
 * copy and rewrite the whole vocabulary per step, and a log-softmax in
 * JavaScript: 9–12 % of a window's time on the benchmark. Token for token it
 * follows transformers.js 4.3.1 in timestamp mode, including its seek loop;
 * `test/pipeline/asr/whisper-greedy.test.ts` compares both.
 */

/** The parts of an onnxruntime-node session (and its tensors) used here. */
interface OrtValue {
  readonly data: unknown;
  readonly dims: readonly number[];
  readonly type: string;
}
interface OrtInputMeta {
  readonly name: string;
  readonly type?: string;
  readonly shape?: readonly (number | string)[];
}
export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly inputMetadata: readonly OrtInputMeta[];
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtValue>>;
}

/** What is read from a loaded transformers.js Whisper model. */
export interface WhisperModelParts {
  sessions: Record<string, OrtSession | undefined>;
  generation_config: unknown;
  config: { vocab_size?: number; max_source_positions?: number };
}

const PAST = 'past_key_values.';
const KNOWN_DECODER_INPUTS = new Set(['input_ids', 'encoder_hidden_states', 'use_cache_branch']);
/** Whisper's encoder halves the mel frames: timestamp token k is mel frame 2k. */
const INPUT_STRIDE = 2;

const ort = (type: 'int64' | 'bool' | 'float32', data: BigInt64Array | boolean[] | Float32Array, dims: number[]): unknown =>
  new Tensor(type, data, dims).ort_tensor;

export class WhisperGreedyDecoder {
  /** Per-step feeds that never change, built once rather than on each of ~150 steps per window. */
  private readonly takesHidden: boolean;
  private readonly cacheBranch: { first: unknown; later: unknown } | null;

  private constructor(
    private readonly encoder: OrtSession,
    private readonly decoder: OrtSession,
    private readonly rules: TokenRules,
    private readonly maxLength: number,
    private readonly segmentFrames: number,
  ) {
    this.takesHidden = decoder.inputNames.includes('encoder_hidden_states');
    this.cacheBranch = decoder.inputNames.includes('use_cache_branch')
      ? { first: ort('bool', [false], [1]), later: ort('bool', [true], [1]) }
      : null;
  }

  /**
   * The decoder for a loaded model, or null when the export differs from the
   * standard merged layout (extra decoder inputs, fp16 cache) or the
   * generation config asks for more than greedy decoding: then the caller
   * uses the transformers.js pipeline.
   */
  static for(model: WhisperModelParts): WhisperGreedyDecoder | null {
    const encoder = model.sessions['model'];
    const decoder = model.sessions['decoder_model_merged'];
    const generation = WhisperGenerationSchema.safeParse(model.generation_config);
    if (!encoder || !decoder || !generation.success) return null;
    if (!encoder.inputNames.includes('input_features')) return null;
    const standard = decoder.inputMetadata.every(
      (m) => KNOWN_DECODER_INPUTS.has(m.name) || (m.name.startsWith(PAST) && m.type === 'float32'),
    );
    if (!standard || !decoder.inputNames.includes('input_ids')) return null;
    const vocab = model.config.vocab_size ?? 51865;
    const frames = INPUT_STRIDE * (model.config.max_source_positions ?? 1500);
    return new WhisperGreedyDecoder(encoder, decoder, new TokenRules(generation.data, vocab), generation.data.max_length, frames);
  }

  get generation() {
    return this.rules.generation;
  }

  /**
   * Tokens for one window's log-mel features [1, mels, frames]: the initial
   * tokens, the generated ones and EOS, as the pipeline's generate() returns
   * them. Like transformers.js, when a pass stops inside a segment (no closing
   * timestamp), decoding resumes from the last complete segment's end.
   */
  async decode(features: { data: Float32Array; dims: readonly number[] }, initTokens: readonly number[]): Promise<number[]> {
    const { eos, timestampBegin } = this.rules;
    const totalFrames = features.dims[2] ?? 0;
    const all: number[] = [];
    let seek = 0;
    while (seek < totalFrames) {
      const generated = await this.pass(this.segment(features, seek), initTokens);
      if (generated.at(-1) === eos) generated.pop();
      if (generated.length === 0) break;

      const isStamp = generated.map((t) => t >= timestampBegin);
      const n = generated.length;
      const singleTimestampEnding = n >= 2 && isStamp[n - 1] && !isStamp[n - 2];
      const lastPair = isStamp.findLastIndex((s, i) => s && isStamp[i + 1] === true);
      let advance = Math.min(seek + this.segmentFrames, totalFrames) - seek;
      let keep = n;
      if (lastPair >= 0 && !singleTimestampEnding) {
        keep = lastPair + 1;
        advance = (generated[lastPair]! - timestampBegin) * INPUT_STRIDE;
      }
      const offset = Math.floor(seek / INPUT_STRIDE);
      for (let i = 0; i < keep; i++) {
        if (isStamp[i]) generated[i] = Math.min(generated[i]! + offset, timestampBegin + 1500);
      }
      all.push(...generated.slice(0, keep));
      // A pair at 0.00 s would resume where it started, forever; the library would loop.
      if (advance <= 0) break;
      seek += advance;
    }
    return [...initTokens, ...all, eos];
  }

  /** One encoder run and a greedy decoder pass; returns the tokens after `initTokens`. */
  private async pass(features: Float32Array, initTokens: readonly number[]): Promise<number[]> {
    const mels = features.length / this.segmentFrames;
    const encoded = await this.encoder.run({ input_features: ort('float32', features, [1, mels, this.segmentFrames]) });
    const hidden = encoded['last_hidden_state'];
    if (!hidden) throw new Error('Whisper encoder returned no last_hidden_state');

    const generated: number[] = [];
    let past = this.emptyCache();
    let encoderCache: Record<string, OrtValue> = {};
    let ids: readonly number[] = initTokens;
    for (;;) {
      const out = await this.decoder.run(this.feeds(ids, hidden, past, generated.length > 0));
      const logits = out['logits'];
      if (!logits || !(logits.data instanceof Float32Array)) throw new Error('Whisper decoder returned no float32 logits');
      const vocab = logits.dims[2] ?? 0;
      const rows = logits.dims[1] ?? 0;
      const next = this.rules.next(logits.data.subarray((rows - 1) * vocab, rows * vocab), generated);
      generated.push(next);
      if (next === this.rules.eos || initTokens.length + generated.length >= this.maxLength) return generated;

      // Merged exports compute cross-attention keys/values on the first step only;
      // later steps return empty placeholders, so the first ones are kept.
      if (Object.keys(encoderCache).length === 0) encoderCache = presents(out, (name) => name.includes('.encoder.'));
      past = { ...presents(out, (name) => !name.includes('.encoder.')), ...encoderCache };
      ids = [next];
    }
  }

  private feeds(ids: readonly number[], hidden: OrtValue, past: Record<string, unknown>, cached: boolean): Record<string, unknown> {
    const feeds: Record<string, unknown> = {
      input_ids: ort('int64', BigInt64Array.from(ids, (id) => BigInt(id)), [1, ids.length]),
      ...past,
    };
    if (this.takesHidden) feeds['encoder_hidden_states'] = hidden;
    if (this.cacheBranch) feeds['use_cache_branch'] = cached ? this.cacheBranch.later : this.cacheBranch.first;
    return feeds;
  }

  /** The first step's cache: zero-length tensors shaped from the graph's metadata, as transformers.js builds them. */
  private emptyCache(): Record<string, unknown> {
    const cache: Record<string, unknown> = {};
    for (const meta of this.decoder.inputMetadata) {
      if (!meta.name.startsWith(PAST)) continue;
      const dims = (meta.shape ?? []).map((d) => (typeof d === 'number' ? d : d === 'batch_size' ? 1 : 0));
      cache[meta.name] = ort('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
    }
    return cache;
  }

  /** Features from mel frame `seek` on, zero-padded to a full segment (as transformers.js does). */
  private segment(features: { data: Float32Array; dims: readonly number[] }, seek: number): Float32Array {
    const [, mels = 0, frames = 0] = features.dims;
    if (seek === 0 && frames === this.segmentFrames) return features.data;
    const out = new Float32Array(mels * this.segmentFrames);
    const take = Math.min(this.segmentFrames, frames - seek);
    for (let m = 0; m < mels; m++) out.set(features.data.subarray(m * frames + seek, m * frames + seek + take), m * this.segmentFrames);
    return out;
  }
}

/** `present.*` outputs renamed to the `past_key_values.*` inputs they feed. */
function presents(out: Record<string, OrtValue>, keep: (name: string) => boolean): Record<string, OrtValue> {
  const cache: Record<string, OrtValue> = {};
  for (const [name, value] of Object.entries(out)) {
    if (name.startsWith('present') && keep(name)) cache[name.replace('present', 'past_key_values')] = value;
  }
  return cache;
}
