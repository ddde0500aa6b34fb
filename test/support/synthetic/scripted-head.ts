import type { GraphBuilder } from './onnx-graph';

/**
 * The part of a synthetic decoder that makes it *scripted*: the logits are a
 * one-hot (0 for the chosen token, −1e4 elsewhere) of a token table indexed by
 * (script row, decoding step).
 *
 * Neither the row nor the step is an input. Both live in the self-attention
 * KV cache of layer 0, in channel (head 0, dim 0):
 * - key channel: every token fed after the first call writes 1, the prompt
 *   writes 0, so the step = sum of the channel over the whole cache;
 * - value channel: the first call writes the script row (chosen from the
 *   prompt), later calls write 0, so the row = max of the channel.
 * The script therefore only comes out right if the runtime really feeds
 * `present.*` back as `past_key_values.*` — zero-filled or empty caches of the
 * right shape give the wrong tokens.
 */

export interface ScriptTable {
  /** token ids per row, each ending with the end-of-sequence token */
  rows: number[][];
  vocabSize: number;
}

export const SCRIPT_NEG = -1e4;

/** A [1, H, 1, hd] mask that is 0 at (head 0, dim 0) and 1 elsewhere. */
function keepMask(g: GraphBuilder, heads: number, headDim: number): string {
  const m = new Float32Array(heads * headDim).fill(1);
  m[0] = 0;
  return g.floats(m, [1, heads, 1, headDim], 'keep');
}

function markerSlot(g: GraphBuilder, heads: number, headDim: number): string {
  const m = new Float32Array(heads * headDim);
  m[0] = 1;
  return g.floats(m, [1, heads, 1, headDim], 'slot');
}

export interface CacheState {
  /** scalar float: 1 on the first call (empty cache), else 0 */
  first: string;
  /** present key/value for layer 0 with markers written */
  presentKey: string;
  presentValue: string;
  /** [B] int64 */
  step: string;
  row: string;
}

/**
 * Writes the markers into layer 0's fresh key/value rows ([B, H, S, hd]),
 * appends them to the past cache and reads step and row back.
 * `rowOnFirstCall` is a [B] float tensor computed from the prompt.
 */
export function markCache(
  g: GraphBuilder,
  args: {
    pastKey: string;
    pastValue: string;
    freshKey: string;
    freshValue: string;
    rowOnFirstCall: string;
    heads: number;
    headDim: number;
  },
): CacheState {
  const { heads, headDim } = args;
  const pastLen = g.op('Gather', [g.op('Shape', [args.pastKey]), g.scalarInt(2)]);
  const first = g.op('Cast', [g.op('Equal', [pastLen, g.scalarInt(0)])], { to: 1 });
  const notFirst = g.op('Sub', [g.scalarFloat(1), first]);
  const keep = keepMask(g, heads, headDim);
  const slot = markerSlot(g, heads, headDim);

  const keyMarked = g.op('Add', [g.op('Mul', [args.freshKey, keep]), g.op('Mul', [slot, notFirst])]);
  const rowB = g.op('Unsqueeze', [g.op('Mul', [args.rowOnFirstCall, first]), g.ints([1, 2, 3])]);
  const valueMarked = g.op('Add', [g.op('Mul', [args.freshValue, keep]), g.op('Mul', [slot, rowB])]);

  const presentKey = g.op('Concat', [args.pastKey, keyMarked], { axis: 2 });
  const presentValue = g.op('Concat', [args.pastValue, valueMarked], { axis: 2 });

  const channel = (t: string): string =>
    g.op('Slice', [t, g.ints([0, 0]), g.ints([1, 1]), g.ints([1, 3])]);
  const stepF = g.op('ReduceSum', [channel(presentKey), g.ints([1, 2, 3])], { keepdims: 0 });
  const rowF = g.op('ReduceMax', [channel(presentValue)], { axes: [1, 2, 3], keepdims: 0 });
  // Round before the cast: the channel sums exact small integers, but be safe.
  const step = g.op('Cast', [g.op('Round', [stepF])], { to: 7 });
  const row = g.op('Cast', [g.op('Round', [rowF])], { to: 7 });
  return { first, presentKey, presentValue, step, row };
}

/** Returns the [B, 1, vocab] logits bias that selects table[row][step]. */
export function scriptedBias(g: GraphBuilder, table: ScriptTable, step: string, row: string): string {
  const maxLen = Math.max(...table.rows.map((r) => r.length));
  const flat: number[] = [];
  for (const r of table.rows) {
    const eos = r[r.length - 1] as number;
    flat.push(...r, ...new Array<number>(maxLen - r.length).fill(eos));
  }
  const tableT = g.ints(flat, [flat.length], 'script');
  const clamped = g.op('Min', [step, g.scalarInt(maxLen - 1)]);
  const index = g.op('Add', [g.op('Mul', [row, g.scalarInt(maxLen)]), clamped]);
  const token = g.op('Gather', [tableT, index]);
  const vocab = g.op('Range', [g.scalarInt(0), g.scalarInt(table.vocabSize), g.scalarInt(1)]);
  const hit = g.op('Equal', [g.op('Unsqueeze', [token, g.ints([1])]), vocab]);
  const oneHot = g.op('Cast', [hit], { to: 1 });
  const bias = g.op('Mul', [g.op('Sub', [oneHot, g.scalarFloat(1)]), g.scalarFloat(-SCRIPT_NEG)]);
  return g.op('Unsqueeze', [bias, g.ints([1])]);
}

/** [B] float: 1 where the prompt holds `tokenId`, else 0. */
export function containsToken(g: GraphBuilder, inputIds: string, tokenId: number): string {
  const eq = g.op('Cast', [g.op('Equal', [inputIds, g.scalarInt(tokenId)])], { to: 1 });
  return g.op('ReduceMax', [eq], { axes: [1], keepdims: 0 });
}
