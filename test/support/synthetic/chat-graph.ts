import { GraphBuilder, encodeModel } from './onnx-graph';
import { type ScriptTable, containsToken, markCache, scriptedBias } from './scripted-head';

export interface ChatDims {
  layers: number;
  kvHeads: number;
  headDim: number;
}

/**
 * One trigger = alternative token spellings of a word (with and without a
 * leading space); it fires when every token of one spelling is in the prompt.
 */
export type Trigger = number[][];

/**
 * A Llama-type causal LM graph (transformers.js `onnx/model.onnx` contract)
 * that only scripts: no transformer compute, the KV cache carries the
 * markers (see scripted-head.ts). Row 0 is the default script; row i+1 is
 * spoken when trigger i is in the prompt (first matching trigger wins).
 */
export function buildScriptedChatModel(dims: ChatDims, table: ScriptTable, triggers: Trigger[]): Uint8Array {
  const g = new GraphBuilder('lm');
  const { layers, kvHeads, headDim } = dims;
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  // Declared (so ORT refuses a run without them) but not read: nothing here attends.
  g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  const past = Array.from({ length: layers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.key`, 'float32', ['batch_size', kvHeads, 'past_sequence_length', headDim]),
    value: g.input(`past_key_values.${i}.value`, 'float32', ['batch_size', kvHeads, 'past_sequence_length', headDim]),
  }));

  // Fresh cache rows are zeros of shape [B, kvHeads, S, headDim].
  const ids = g.op('Shape', [inputIds]);
  const batch = g.op('Slice', [ids, g.ints([0]), g.ints([1])]);
  const seq = g.op('Slice', [ids, g.ints([1]), g.ints([2])]);
  const rowShape = g.op('Concat', [batch, g.ints([kvHeads]), seq, g.ints([headDim])], { axis: 0 });
  const zeros = g.op('Expand', [g.scalarFloat(0), rowShape]);

  let rowOnFirstCall = g.scalarFloat(0);
  for (let t = triggers.length - 1; t >= 0; t--) {
    const spellings = (triggers[t] as Trigger).map((tokens) =>
      tokens.map((id) => containsToken(g, inputIds, id)).reduce((a, b) => g.op('Mul', [a, b])),
    );
    const fired = spellings.reduce((a, b) => g.op('Max', [a, b]));
    rowOnFirstCall = g.op('Where', [g.op('Cast', [fired], { to: 9 }), g.scalarFloat(t + 1), rowOnFirstCall]);
  }
  const first = past[0] as (typeof past)[number];
  const state = markCache(g, {
    pastKey: first.key,
    pastValue: first.value,
    freshKey: zeros,
    freshValue: zeros,
    rowOnFirstCall: g.op('Expand', [rowOnFirstCall, batch]),
    heads: kvHeads,
    headDim,
  });

  const bias = scriptedBias(g, table, state.step, state.row);
  const logitsShape = g.op('Concat', [ids, g.ints([table.vocabSize])], { axis: 0 });
  g.output('logits', g.op('Expand', [bias, logitsShape]), 'float32', ['batch_size', 'sequence_length', table.vocabSize]);
  past.forEach((p, i) => {
    const key = i === 0 ? state.presentKey : g.op('Concat', [p.key, zeros], { axis: 2 });
    const value = i === 0 ? state.presentValue : g.op('Concat', [p.value, zeros], { axis: 2 });
    const shape = ['batch_size', kvHeads, 'total_sequence_length', headDim];
    g.output(`present.${i}.key`, key, 'float32', shape);
    g.output(`present.${i}.value`, value, 'float32', shape);
  });
  return encodeModel(g.graph('synthetic_chat_lm'), 'Synthetic Llama-type LM: scripted output, no learned weights.');
}

