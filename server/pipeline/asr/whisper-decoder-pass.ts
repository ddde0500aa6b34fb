import { Tensor } from 'onnxruntime-node';
import type { TokenRules } from './whisper-token-rules';

/**
 * One greedy pass of the merged Whisper decoder over several windows at
 * once (a batch of B rows, each with its own encoder states).
 *
 * Why a batch: on a CPU a decoder step is bound by memory, not arithmetic.
 * Each step streams every decoder weight (small: ~150 M floats) through the
 * cores to multiply it by one row; with B rows the weights are read once for
 * all of them, so a step with 4 rows costs about as much as 2 with one row
 * (measured on this project's real-size synthetic models, see bench/README).
 * Every row keeps exactly the tokens it would get alone: the token rules run
 * per row on that row's logits, rows that finish leave the batch (their
 * cache rows are compacted away, so later steps do no work for them).
 *
 * The self-attention cache grows by one position per step. onnxruntime-node
 * would copy it into a fresh JavaScript buffer every step (~180 MB of garbage
 * per 30-s window for tiny, collected on threads that compete with
 * onnxruntime's); instead each `present.*` output is written into one of two
 * preallocated buffers and fed back from there as the next step's
 * `past_key_values.*` (ping-pong: a step never reads and writes one buffer).
 */

/** The parts of an onnxruntime-node session (and its tensors) used here. */
export interface OrtValue {
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

export const PAST = 'past_key_values.';

/**
 * Which decoder output feeds which cache input, and what to fetch. The
 * cross-attention keys/values (`present.*.encoder.*`) are fetched on the
 * first step only: merged exports compute them there and return empty or
 * repeated ones later (older exports pass all 1500 frames through again,
 * e.g. 18 MB per step for tiny, copied into JavaScript each time).
 */
export interface CacheLayout {
  /** [output name, the input it feeds] for the self-attention cache. */
  selfAttention: [string, string][];
  crossAttention: [string, string][];
  firstFetches: string[];
}

export function cacheLayout(decoder: OrtSession): CacheLayout | null {
  const pasts = decoder.inputNames.filter((name) => name.startsWith(PAST));
  const pairs = pasts.map((input): [string, string] => [input.replace(PAST, 'present.'), input]);
  if (!decoder.outputNames.includes('logits') || pairs.some(([output]) => !decoder.outputNames.includes(output))) return null;
  const selfAttention = pairs.filter(([output]) => !output.includes('.encoder.'));
  const crossAttention = pairs.filter(([output]) => output.includes('.encoder.'));
  return { selfAttention, crossAttention, firstFetches: ['logits', ...pairs.map(([output]) => output)] };
}

export interface PassContext {
  decoder: OrtSession;
  layout: CacheLayout;
  rules: TokenRules;
  maxLength: number;
  takesHidden: boolean;
  cacheBranch: { first: Tensor; later: Tensor } | null;
}

/** Cache positions allocated up front; real windows rarely pass ~200 tokens, the buffers grow when one does. */
const INITIAL_CAPACITY = 224;

/**
 * Greedy decoding of B windows from their encoder states ([1, frames, d]
 * each) and one shared prompt; returns each row's tokens after the prompt
 * (ending with EOS unless the length limit came first).
 */
export async function decodePass(ctx: PassContext, hiddens: readonly OrtValue[], init: readonly number[]): Promise<number[][]> {
  const { decoder, layout, rules } = ctx;
  const generated: number[][] = hiddens.map(() => []);
  /** rows[j] = which window batch row j holds; rows leave when they finish. */
  let rows = hiddens.map((_, i) => i);
  const feeds: Record<string, unknown> = emptyCache(decoder, rows.length);
  if (ctx.takesHidden) feeds['encoder_hidden_states'] = stackRows(hiddens);
  if (ctx.cacheBranch) feeds['use_cache_branch'] = ctx.cacheBranch.first;
  feeds['input_ids'] = new Tensor('int64', BigInt64Array.from(rows.flatMap(() => init), (id) => BigInt(id)), [rows.length, init.length]);
  const cache = new PingPongCache(layout.selfAttention.map(([output]) => output));
  let vocab = 0;
  for (let step = 0; ; step++) {
    // With one row, onnxruntime writes the logits straight into the token rules' SIMD memory, where the argmax reads them in place.
    const row = step > 0 && rows.length === 1 ? (rules.arena?.scratch(vocab) ?? null) : null;
    const out = await decoder.run(feeds, step === 0 ? layout.firstFetches : laterFetches(cache, feeds, layout, step, row));
    const logits = out['logits'];
    if (!logits || !(logits.data instanceof Float32Array)) throw new Error('Whisper decoder returned no float32 logits');
    const data = logits.data;
    vocab = logits.dims[2] ?? 0;
    const seq = logits.dims[1] ?? 0;

    const keep: number[] = [];
    const nextTokens: number[] = [];
    rows.forEach((window, j) => {
      const last = data.subarray((j * seq + seq - 1) * vocab, (j * seq + seq) * vocab);
      // A runtime that ignored the preallocated output would leave `row` stale: then its own copy is used.
      const inPlace = row !== null && Object.is(row[0], last[0]) && Object.is(row[vocab - 1], last[vocab - 1]);
      const mine = generated[window]!;
      const next = rules.next(inPlace ? row : last, mine);
      mine.push(next);
      if (next !== rules.eos && init.length + mine.length < ctx.maxLength) {
        keep.push(j);
        nextTokens.push(next);
      }
    });
    if (keep.length === 0) return generated;

    for (const [output, input] of layout.selfAttention) feeds[input] = out[output];
    // Merged exports compute cross-attention keys/values on the first step only; they are kept.
    if (step === 0) for (const [output, input] of layout.crossAttention) feeds[input] = out[output];
    if (keep.length < rows.length) {
      const names = [...layout.selfAttention, ...layout.crossAttention].map(([, input]) => input);
      for (const name of [...names, 'encoder_hidden_states']) if (feeds[name]) feeds[name] = keepRows(feeds[name] as OrtValue, keep);
      rows = keep.map((j) => rows[j]!);
    }
    if (ctx.cacheBranch) feeds['use_cache_branch'] = ctx.cacheBranch.later;
    feeds['input_ids'] = new Tensor('int64', BigInt64Array.from(nextTokens, (id) => BigInt(id)), [rows.length, 1]);
  }
}

/** Fetches for a later step: logits (into `row` when given) and each self-attention present into its preallocated buffer. */
function laterFetches(cache: PingPongCache, feeds: Record<string, unknown>, layout: CacheLayout, step: number, row: Float32Array | null) {
  const fetches: Record<string, Tensor | null> = { logits: row ? new Tensor('float32', row, [1, 1, row.length]) : null };
  for (const [output, input] of layout.selfAttention) {
    const [batch = 0, heads = 0, length = 0, headDim = 0] = (feeds[input] as OrtValue).dims;
    const dims = [batch, heads, length + 1, headDim];
    fetches[output] = new Tensor('float32', cache.view(output, step % 2, dims), dims);
  }
  return fetches;
}

/** Two buffers per self-attention output, grown (never shrunk) to what a step needs. */
class PingPongCache {
  private readonly buffers = new Map<string, [Float32Array, Float32Array]>();

  constructor(names: readonly string[]) {
    for (const name of names) this.buffers.set(name, [new Float32Array(0), new Float32Array(0)]);
  }

  view(name: string, side: 0 | 1 | number, dims: readonly number[]): Float32Array {
    const pair = this.buffers.get(name)!;
    const needed = dims.reduce((a, b) => a * b, 1);
    if (pair[side]!.length < needed) {
      const [batch = 1, heads = 1, length = 1, headDim = 1] = dims;
      // Room for INITIAL_CAPACITY positions at first, then half as much again as needed.
      const positions = Math.max(INITIAL_CAPACITY, Math.ceil(length * 1.5));
      pair[side] = new Float32Array(batch * heads * positions * headDim);
    }
    return pair[side]!.subarray(0, needed);
  }
}

/** The first step's cache: zero-length tensors shaped from the graph's metadata, as transformers.js builds them. */
function emptyCache(decoder: OrtSession, batch: number): Record<string, Tensor> {
  const cache: Record<string, Tensor> = {};
  for (const meta of decoder.inputMetadata) {
    if (!meta.name.startsWith(PAST)) continue;
    const dims = (meta.shape ?? []).map((d) => (typeof d === 'number' ? d : d === 'batch_size' ? batch : 0));
    cache[meta.name] = new Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
  }
  return cache;
}

/** [1, …] tensors → one [B, …] tensor (the one tensor itself when B = 1). */
function stackRows(values: readonly OrtValue[]): OrtValue {
  if (values.length === 1) return values[0]!;
  const parts = values.map((v) => v.data as Float32Array);
  const size = parts[0]!.length;
  const data = new Float32Array(size * parts.length);
  parts.forEach((part, i) => data.set(part, i * size));
  return new Tensor('float32', data, [parts.length, ...values[0]!.dims.slice(1)]);
}

/** The rows `keep` (ascending) of a [B, …] float tensor, moved to the front of its own buffer: no new allocation. */
function keepRows(value: OrtValue, keep: readonly number[]): Tensor {
  const data = value.data as Float32Array;
  const block = data.length / (value.dims[0] ?? 1);
  keep.forEach((from, to) => {
    if (from !== to) data.copyWithin(to * block, from * block, (from + 1) * block);
  });
  return new Tensor('float32', data.subarray(0, keep.length * block), [keep.length, ...value.dims.slice(1)]);
}
