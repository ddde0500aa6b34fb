import { Tensor } from 'onnxruntime-node';
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
  readonly outputNames: readonly string[];
  readonly inputMetadata: readonly OrtInputMeta[];
  run(feeds: Record<string, unknown>, fetches?: readonly string[] | Record<string, unknown>): Promise<Record<string, OrtValue>>;
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

/**
 * Which decoder output feeds which cache input, and what to fetch. The
 * cross-attention keys/values (`present.*.encoder.*`) are fetched on the
 * first step only: merged exports compute them there and return empty or
 * repeated ones later (older exports pass all 1500 frames through again,
 * e.g. 18 MB per step for tiny, copied into JavaScript each time).
 */
interface CacheLayout {
  /** [output name, the input it feeds] for the self-attention cache. */
  selfAttention: [string, string][];
  crossAttention: [string, string][];
  firstFetches: string[];
  laterFetches: string[];
}

function cacheLayout(decoder: OrtSession): CacheLayout | null {
  const pasts = decoder.inputNames.filter((name) => name.startsWith(PAST));
  const pairs = pasts.map((input): [string, string] => [input.replace(PAST, 'present.'), input]);
  if (!decoder.outputNames.includes('logits') || pairs.some(([output]) => !decoder.outputNames.includes(output))) return null;
  const selfAttention = pairs.filter(([output]) => !output.includes('.encoder.'));
  const crossAttention = pairs.filter(([output]) => output.includes('.encoder.'));
  const names = (list: [string, string][]): string[] => list.map(([output]) => output);
  return {
    selfAttention,
    crossAttention,
    firstFetches: ['logits', ...names(selfAttention), ...names(crossAttention)],
    laterFetches: ['logits', ...names(selfAttention)],
  };
}

export class WhisperGreedyDecoder {
  /** Per-step feeds that never change, built once rather than on each of ~150 steps per window. */
  private readonly takesHidden: boolean;
  private readonly cacheBranch: { first: Tensor; later: Tensor } | null;

  private constructor(
    private readonly encoder: OrtSession,
    private readonly decoder: OrtSession,
    private readonly layout: CacheLayout,
    private readonly rules: TokenRules,
    private readonly maxLength: number,
    private readonly segmentFrames: number,
  ) {
    this.takesHidden = decoder.inputNames.includes('encoder_hidden_states');
    this.cacheBranch = decoder.inputNames.includes('use_cache_branch')
      ? { first: new Tensor('bool', [false], [1]), later: new Tensor('bool', [true], [1]) }
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
    const layout = cacheLayout(decoder);
    if (!layout) return null;
    const vocab = model.config.vocab_size ?? 51865;
    const frames = INPUT_STRIDE * (model.config.max_source_positions ?? 1500);
    return new WhisperGreedyDecoder(encoder, decoder, layout, new TokenRules(generation.data, vocab), generation.data.max_length, frames);
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
    const encoded = await this.encoder.run({ input_features: new Tensor('float32', features, [1, mels, this.segmentFrames]) });
    const hidden = encoded['last_hidden_state'];
    if (!hidden) throw new Error('Whisper encoder returned no last_hidden_state');

    const { selfAttention, crossAttention, firstFetches, laterFetches } = this.layout;
    const generated: number[] = [];
    // One feeds object, updated in place each step: only input_ids and the self-attention cache change.
    const feeds: Record<string, unknown> = this.emptyCache();
    if (this.takesHidden) feeds['encoder_hidden_states'] = hidden;
    if (this.cacheBranch) feeds['use_cache_branch'] = this.cacheBranch.first;
    feeds['input_ids'] = new Tensor('int64', BigInt64Array.from(initTokens, (id) => BigInt(id)), [1, initTokens.length]);
    let vocab = 0;
    for (let step = 0; ; step++) {
      // After the first step one row of logits comes per step: onnxruntime writes it straight into
      // the token rules' SIMD memory, where the argmax reads it without another 200 KB copy.
      const row = step === 0 ? null : (this.rules.arena?.scratch(vocab) ?? null);
      const out = await this.decoder.run(feeds, row ? this.laterFetchesInto(row) : step === 0 ? firstFetches : laterFetches);
      const logits = out['logits'];
      if (!logits || !(logits.data instanceof Float32Array)) throw new Error('Whisper decoder returned no float32 logits');
      vocab = logits.dims[2] ?? 0;
      const rows = logits.dims[1] ?? 0;
      const last = logits.data.subarray((rows - 1) * vocab, rows * vocab);
      // A runtime that ignored the preallocated output would leave `row` stale: then the copy is used.
      const inPlace = row !== null && Object.is(row[0], last[0]) && Object.is(row[vocab - 1], last[vocab - 1]);
      const next = this.rules.next(inPlace ? row : last, generated);
      generated.push(next);
      if (next === this.rules.eos || initTokens.length + generated.length >= this.maxLength) return generated;

      for (const [output, input] of selfAttention) feeds[input] = out[output];
      // Merged exports compute cross-attention keys/values on the first step only; they are kept.
      if (step === 0) for (const [output, input] of crossAttention) feeds[input] = out[output];
      if (this.cacheBranch) feeds['use_cache_branch'] = this.cacheBranch.later;
      feeds['input_ids'] = new Tensor('int64', BigInt64Array.of(BigInt(next)), [1, 1]);
    }
  }

  /** Later steps' fetches with `logits` written into `row` ([1, 1, vocab]); the cache outputs as onnxruntime allocates them. */
  private laterFetchesInto(row: Float32Array): Record<string, Tensor | null> {
    const fetches: Record<string, Tensor | null> = { logits: new Tensor('float32', row, [1, 1, row.length]) };
    for (const name of this.layout.laterFetches) if (name !== 'logits') fetches[name] = null;
    return fetches;
  }

  /** The first step's cache: zero-length tensors shaped from the graph's metadata, as transformers.js builds them. */
  private emptyCache(): Record<string, Tensor> {
    const cache: Record<string, Tensor> = {};
    for (const meta of this.decoder.inputMetadata) {
      if (!meta.name.startsWith(PAST)) continue;
      const dims = (meta.shape ?? []).map((d) => (typeof d === 'number' ? d : d === 'batch_size' ? 1 : 0));
      cache[meta.name] = new Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
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
