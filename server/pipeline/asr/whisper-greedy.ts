import { Tensor } from 'onnxruntime-node';
import { type OrtSession, type OrtValue, type PassContext, PAST, cacheLayout, decodePass } from './whisper-decoder-pass';
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

/** What is read from a loaded transformers.js Whisper model. */
export interface WhisperModelParts {
  sessions: Record<string, OrtSession | undefined>;
  generation_config: unknown;
  config: { vocab_size?: number; max_source_positions?: number };
}

const KNOWN_DECODER_INPUTS = new Set(['input_ids', 'encoder_hidden_states', 'use_cache_branch']);
/** Whisper's encoder halves the mel frames: timestamp token k is mel frame 2k. */
const INPUT_STRIDE = 2;

/** One window's log-mel features [1, mels, frames] and its prompt. */
export interface DecodeItem {
  features: { data: Float32Array; dims: readonly number[] };
  initTokens: readonly number[];
}

export class WhisperGreedyDecoder {
  private constructor(
    private readonly encoder: OrtSession,
    private readonly pass: PassContext,
    private readonly segmentFrames: number,
  ) {}

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
    const pass: PassContext = {
      decoder,
      layout,
      rules: new TokenRules(generation.data, vocab),
      maxLength: generation.data.max_length,
      takesHidden: decoder.inputNames.includes('encoder_hidden_states'),
      // Per-step feeds that never change, built once rather than on each of ~150 steps per window.
      cacheBranch: decoder.inputNames.includes('use_cache_branch')
        ? { first: new Tensor('bool', [false], [1]), later: new Tensor('bool', [true], [1]) }
        : null,
    };
    return new WhisperGreedyDecoder(encoder, pass, frames);
  }

  get generation() {
    return this.pass.rules.generation;
  }

  /** Tokens for one window; see `decodeMany`. */
  async decode(features: DecodeItem['features'], initTokens: readonly number[]): Promise<number[]> {
    const [tokens] = await this.decodeMany([{ features, initTokens }]);
    return tokens!;
  }

  /**
   * Tokens for each window: the initial tokens, the generated ones and EOS,
   * as the pipeline's generate() returns them. Like transformers.js, when a
   * pass stops inside a segment (no closing timestamp), decoding resumes
   * from the last complete segment's end. Windows with the same prompt are
   * decoded together as one batch per pass (see `decodePass`); each gets
   * the tokens it would get alone.
   */
  async decodeMany(items: readonly DecodeItem[]): Promise<number[][]> {
    const { eos, timestampBegin } = this.pass.rules;
    const state = items.map((item) => ({ item, seek: 0, all: [] as number[], open: true }));
    for (;;) {
      const open = state.filter((s) => s.open && s.seek < (s.item.features.dims[2] ?? 0));
      if (open.length === 0) break;
      for (const group of groupByPrompt(open)) {
        const hiddens: OrtValue[] = [];
        for (const s of group) hiddens.push(await this.encode(this.segment(s.item.features, s.seek)));
        const passes = await decodePass(this.pass, hiddens, group[0]!.item.initTokens);
        group.forEach((s, i) => {
          const generated = passes[i]!;
          const totalFrames = s.item.features.dims[2] ?? 0;
          if (generated.at(-1) === eos) generated.pop();
          if (generated.length === 0) return void (s.open = false);
          const isStamp = generated.map((t) => t >= timestampBegin);
          const n = generated.length;
          const singleTimestampEnding = n >= 2 && isStamp[n - 1] && !isStamp[n - 2];
          const lastPair = isStamp.findLastIndex((stamp, k) => stamp && isStamp[k + 1] === true);
          let advance = Math.min(s.seek + this.segmentFrames, totalFrames) - s.seek;
          let keep = n;
          if (lastPair >= 0 && !singleTimestampEnding) {
            keep = lastPair + 1;
            advance = (generated[lastPair]! - timestampBegin) * INPUT_STRIDE;
          }
          const offset = Math.floor(s.seek / INPUT_STRIDE);
          for (let k = 0; k < keep; k++) {
            if (isStamp[k]) generated[k] = Math.min(generated[k]! + offset, timestampBegin + 1500);
          }
          s.all.push(...generated.slice(0, keep));
          // A pair at 0.00 s would resume where it started, forever; the library would loop.
          if (advance <= 0) s.open = false;
          s.seek += advance;
        });
      }
    }
    return state.map((s) => [...s.item.initTokens, ...s.all, eos]);
  }

  private async encode(features: Float32Array): Promise<OrtValue> {
    const mels = features.length / this.segmentFrames;
    const encoded = await this.encoder.run({ input_features: new Tensor('float32', features, [1, mels, this.segmentFrames]) });
    const hidden = encoded['last_hidden_state'];
    if (!hidden) throw new Error('Whisper encoder returned no last_hidden_state');
    return hidden;
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

/** Windows whose prompts are the same token for token, in their order: one batch each. */
function groupByPrompt<T extends { item: DecodeItem }>(open: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const s of open) {
    const key = s.item.initTokens.join(',');
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}
