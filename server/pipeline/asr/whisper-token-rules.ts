import { z } from 'zod';
import { ArgmaxArena } from '../simd/kernels';

/**
 * Which token Whisper may emit next, in timestamp mode: the rules of
 * transformers.js 4.3.1's logits processors for Whisper (suppress_tokens,
 * begin_suppress_tokens, WhisperTimeStampLogitsProcessor), applied as a
 * masked argmax over one row of logits instead of writing −∞ into a copy of
 * the vocabulary and taking a full log-softmax on every step.
 */

/**
 * The generation settings the rules depend on. Settings that would add
 * other logits processors (sampling, beams, repetition penalties, forced or
 * minimum lengths) must be absent or neutral: then plain greedy decoding
 * with these rules is exactly what `generate()` does.
 */
export const WhisperGenerationSchema = z.object({
  decoder_start_token_id: z.number().int(),
  eos_token_id: z.union([z.number().int(), z.array(z.number().int()).min(1)]).transform((e) => (Array.isArray(e) ? e[0]! : e)),
  no_timestamps_token_id: z.number().int(),
  suppress_tokens: z.array(z.number().int()).nullish(),
  begin_suppress_tokens: z.array(z.number().int()).nullish(),
  max_length: z.number().int().positive().default(448),
  max_new_tokens: z.null().optional(),
  lang_to_id: z.record(z.string(), z.number().int()),
  task_to_id: z.record(z.string(), z.number().int()),
  do_sample: z.literal(false).nullish(),
  num_beams: z.literal(1).nullish(),
  repetition_penalty: z.literal(1).nullish(),
  no_repeat_ngram_size: z.literal(0).nullish(),
  min_length: z.literal(0).nullish(),
  min_new_tokens: z.null().optional(),
  forced_bos_token_id: z.null().optional(),
  forced_eos_token_id: z.null().optional(),
  bad_words_ids: z.null().optional(),
});
export type WhisperGeneration = z.output<typeof WhisperGenerationSchema>;

export class TokenRules {
  readonly eos: number;
  readonly timestampBegin: number;
  /** Suppressed on every step. */
  private readonly suppressed: Uint8Array;
  /** This decoder's own SIMD memory: logits written there by onnxruntime are scanned in place (null: scalar). */
  readonly arena = ArgmaxArena.create();

  constructor(
    readonly generation: WhisperGeneration,
    vocabSize: number,
  ) {
    this.eos = generation.eos_token_id;
    this.timestampBegin = generation.no_timestamps_token_id + 1;
    this.suppressed = new Uint8Array(vocabSize);
    for (const id of generation.suppress_tokens ?? []) if (id >= 0 && id < vocabSize) this.suppressed[id] = 1;
    // The timestamp processor always removes <|notimestamps|>.
    this.suppressed[generation.no_timestamps_token_id] = 1;
  }

  /**
   * The next token after `generated` (the tokens produced after the prompt).
   * On the first step only timestamps are allowed (which makes the begin
   * suppress tokens, a space and EOS, moot). Afterwards timestamps come in
   * pairs: after two, text must follow; after one that follows text, only
   * another timestamp or EOS. And when the timestamps together are more
   * probable than the best text token, a timestamp is taken.
   */
  next(logits: Float32Array, generated: readonly number[]): number {
    const ts = this.timestampBegin;
    const vocab = logits.length;
    if (generated.length === 0) return this.argmax(logits, ts, vocab);

    const n = generated.length;
    const lastWasTimestamp = generated[n - 1]! >= ts;
    const penultimateWasTimestamp = n < 2 || generated[n - 2]! >= ts;
    if (lastWasTimestamp && penultimateWasTimestamp) return this.argmax(logits, 0, ts);
    // After a lone timestamp (a segment's end) no text: tokens below EOS are text.
    const textFrom = lastWasTimestamp ? this.eos : 0;
    const text = this.argmax(logits, textFrom, ts);
    const stamp = this.argmax(logits, ts, vocab);
    const bestText = text < 0 ? -Infinity : logits[text]!;
    if (stamp < 0) return text;
    const bestStamp = logits[stamp]!;
    // The best timestamp alone outweighs the text (on a tie the lower index, text, wins, as in the library).
    if (bestStamp > bestText) return stamp;
    // log Σ exp over timestamps > best text logit ⇔ the processor's comparison in
    // log-probabilities (both sides share the log-softmax normaliser). The sum is
    // at most max + log(count), so when that bound loses, the exp pass is skipped.
    if (bestStamp + Math.log(vocab - ts) <= bestText) return text;
    return this.logSumExp(logits, ts, vocab, bestStamp) > bestText ? stamp : text;
  }

  /**
   * Index of the largest unsuppressed logit in [from, to); −1 when none.
   * The plain argmax is the answer unless it is itself suppressed (rare:
   * suppressed ids are special tokens and a few symbols), so the mask is
   * read only then: a mask lookup per id made the scan half as fast.
   */
  private argmax(logits: Float32Array, from: number, to: number): number {
    const best = this.arena ? this.arena.argmax(logits, from, to) : scalarFirstMaxIndex(logits, from, to);
    return best < 0 || this.suppressed[best] === 0 ? best : this.maskedArgmax(logits, from, to);
  }

  private maskedArgmax(logits: Float32Array, from: number, to: number): number {
    let best = -1;
    let value = -Infinity;
    for (let i = from; i < to; i++) {
      const x = logits[i]!;
      if (x > value && this.suppressed[i] === 0) {
        value = x;
        best = i;
      }
    }
    return best;
  }

  /** log Σ exp of the unsuppressed logits in [from, to), whose maximum is `max`. */
  private logSumExp(logits: Float32Array, from: number, to: number, max: number): number {
    if (max === -Infinity) return -Infinity;
    let sum = 0;
    for (let i = from; i < to; i++) if (this.suppressed[i] === 0) sum += Math.exp(logits[i]! - max);
    return max + Math.log(sum);
  }
}

/** Block length of the scalar scan: the second pass reads one block, not half the vocabulary. */
const BLOCK = 1024;

/**
 * Index of the first largest value in [from, to) (−1 when none exceeds
 * −∞, NaN never wins), as a strict `>` scan finds it, without SIMD (the
 * token rules use `ArgmaxArena` where WebAssembly SIMD exists). Each block's maximum is found with four
 * independent running maxima (about twice as fast in V8 as one scan keeping
 * value and index: the four chains do not wait on each other), and the first
 * block holding the overall maximum is scanned again for its index.
 */
export function scalarFirstMaxIndex(values: Float32Array, from: number, to: number): number {
  let max = -Infinity;
  let maxBlock = -1;
  for (let start = from; start < to; start += BLOCK) {
    const end = Math.min(to, start + BLOCK);
    let m0 = -Infinity;
    let m1 = -Infinity;
    let m2 = -Infinity;
    let m3 = -Infinity;
    let i = start;
    for (; i + 3 < end; i += 4) {
      const x0 = values[i]!;
      const x1 = values[i + 1]!;
      const x2 = values[i + 2]!;
      const x3 = values[i + 3]!;
      if (x0 > m0) m0 = x0;
      if (x1 > m1) m1 = x1;
      if (x2 > m2) m2 = x2;
      if (x3 > m3) m3 = x3;
    }
    for (; i < end; i++) if (values[i]! > m0) m0 = values[i]!;
    const blockMax = Math.max(m0, m1, m2, m3);
    if (blockMax > max) {
      max = blockMax;
      maxBlock = start;
    }
  }
  if (maxBlock < 0) return -1;
  for (let j = maxBlock; j < to; j++) if (values[j] === max) return j;
  return -1;
}
