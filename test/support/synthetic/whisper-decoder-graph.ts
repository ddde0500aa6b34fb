import { GraphBuilder, encodeModel } from './onnx-graph';
import { type Ctx, SharedWeights, WeightSource, attend, layerNorm, linear, mergeHeads, mlp, scoped, splitHeads, weight } from './layers';
import { type ScriptTable, containsToken, markCache, scriptedBias } from './scripted-head';
import type { WhisperDims } from './whisper-graphs';

const MAX_TARGET_POSITIONS = 448;

export interface DecoderScriptSpec {
  table: ScriptTable;
  /** prompt tokens that select variants: row = (class·2 + prompted)·2 + timestamps */
  startOfPrevId: number;
  noTimestampsId: number;
}

interface PastInputs {
  dk: string;
  dv: string;
  ek: string;
  ev: string;
}

interface BranchArgs {
  dims: WhisperDims;
  spec: DecoderScriptSpec;
  weights: SharedWeights;
  inputIds: string;
  encStates: string;
  past: PastInputs[];
  /** true: the with-past branch (steps 2…), which must not touch the encoder states. */
  cached: boolean;
}

/**
 * One branch of the merged decoder: the whole decoder, as Optimum puts both
 * the no-past and the with-past decoder inside the If. Only the no-past
 * branch projects the encoder states to cross-attention keys/values (once per
 * window); the with-past branch attends over the cached ones and, like the
 * real exports, returns empty constants for `present.*.encoder.*` — the
 * runtime keeps the previous ones (transformers.js `getPastKeyValues`), so no
 * step copies 1500-frame tensors back to JavaScript.
 */
function decoderBranch(g: GraphBuilder, a: BranchArgs): { value: string; type: 'float32' }[] {
  const d = a.dims.dModel;
  const H = a.dims.heads;
  const headDim = d / H;
  const ffn = a.dims.ffn ?? 4 * d;
  const vocab = a.spec.table.vocabSize;
  const ctx = (scope: string): Ctx => scoped(g, a.weights, scope);

  const first = a.past[0] as PastInputs;
  const pastLen = g.op('Gather', [g.op('Shape', [first.dk]), g.scalarInt(2)]);
  const seqLen = g.op('Gather', [g.op('Shape', [a.inputIds]), g.scalarInt(1)]);
  const positions = g.op('Range', [pastLen, g.op('Add', [pastLen, seqLen]), g.scalarInt(1)]);
  const embed = weight(ctx('embed'), [vocab, d], 'embed');
  const posTable = weight(ctx('positions'), [MAX_TARGET_POSITIONS, d], 'pos');
  let h = g.op('Add', [g.op('Gather', [embed, a.inputIds]), g.op('Gather', [posTable, positions])]);

  // Script row from the prompt and the encoder's audio class; only the first call writes it.
  let rowOnFirstCall = g.floats([0], [1], 'no_row');
  if (!a.cached) {
    const audioClass = g.op('Reshape', [
      g.op('Slice', [a.encStates, g.ints([0, 0]), g.ints([1, 1]), g.ints([1, 2])]),
      g.ints([-1]),
    ]);
    const prompted = containsToken(g, a.inputIds, a.spec.startOfPrevId);
    const timestamps = g.op('Sub', [g.scalarFloat(1), containsToken(g, a.inputIds, a.spec.noTimestampsId)]);
    rowOnFirstCall = g.op('Add', [
      g.op('Mul', [g.op('Add', [g.op('Mul', [audioClass, g.scalarFloat(2)]), prompted]), g.scalarFloat(2)]),
      timestamps,
    ]);
  }

  const empty = g.floats(new Float32Array(0), [0, H, 1, headDim], 'empty');
  const presents: string[] = [];
  let step = '';
  let row = '';
  a.past.forEach((p, i) => {
    const self = ctx(`layer${i}.self`);
    const x = layerNorm(self, h, d);
    const q = splitHeads(self, linear(self, x, d, d), H, headDim);
    const freshK = splitHeads(self, linear(self, x, d, d, false), H, headDim);
    const freshV = splitHeads(self, linear(self, x, d, d), H, headDim);
    let k: string;
    let v: string;
    if (i === 0) {
      const state = markCache(g, { pastKey: p.dk, pastValue: p.dv, freshKey: freshK, freshValue: freshV, rowOnFirstCall, heads: H, headDim });
      ({ presentKey: k, presentValue: v, step, row } = state);
    } else {
      k = g.op('Concat', [p.dk, freshK], { axis: 2 });
      v = g.op('Concat', [p.dv, freshV], { axis: 2 });
    }
    h = g.op('Add', [h, linear(self, mergeHeads(self, attend(self, q, k, v, headDim), d), d, d)]);

    let ck = p.ek;
    let cv = p.ev;
    if (!a.cached) {
      const kv = ctx(`layer${i}.cross_kv`);
      ck = splitHeads(kv, linear(kv, a.encStates, d, d, false), H, headDim);
      cv = splitHeads(kv, linear(kv, a.encStates, d, d), H, headDim);
    }
    const cross = ctx(`layer${i}.cross`);
    const cq = splitHeads(cross, linear(cross, layerNorm(cross, h, d), d, d), H, headDim);
    h = g.op('Add', [h, linear(cross, mergeHeads(cross, attend(cross, cq, ck, cv, headDim), d), d, d)]);
    const ff = ctx(`layer${i}.mlp`);
    h = g.op('Add', [h, mlp(ff, layerNorm(ff, h, d), d, ffn)]);
    presents.push(k, v, a.cached ? empty : ck, a.cached ? empty : cv);
  });
  h = layerNorm(ctx('final'), h, d);
  // Exports store the tied output projection as its own, pre-transposed initializer.
  const logits = g.op('MatMul', [h, weight(ctx('proj_out'), [d, vocab], 'proj_out')]);
  const scripted = g.op('Add', [logits, scriptedBias(g, a.spec.table, step, row)]);
  return [scripted, ...presents].map((value) => ({ value, type: 'float32' as const }));
}

/**
 * Merged decoder (`decoder_model_merged`) with the structure and per-step
 * compute of Optimum's Whisper exports: an If on `use_cache_branch` whose
 * branches are the whole no-past and with-past decoders, weights shared in
 * the outer graph. Per layer: pre-LN self-attention over the KV cache,
 * cross-attention over the 1500 encoder frames, MLP (4·d); final LayerNorm and
 * the vocabulary projection. The scripted bias is added to the logits.
 */
export function buildWhisperDecoder(dims: WhisperDims, spec: DecoderScriptSpec, seed: number): Uint8Array {
  const g = new GraphBuilder('dec');
  const d = dims.dModel;
  const H = dims.heads;
  const headDim = d / H;
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'decoder_sequence_length']);
  const encStates = g.input('encoder_hidden_states', 'float32', ['batch_size', 'encoder_sequence_length', d]);
  const past: PastInputs[] = [];
  for (let i = 0; i < dims.decoderLayers; i++) {
    const p = `past_key_values.${i}`;
    const kv = (name: string, length: string): string => g.input(`${p}.${name}`, 'float32', ['batch_size', H, length, headDim]);
    past.push({
      dk: kv('decoder.key', 'past_decoder_sequence_length'),
      dv: kv('decoder.value', 'past_decoder_sequence_length'),
      ek: kv('encoder.key', 'encoder_sequence_length_out'),
      ev: kv('encoder.value', 'encoder_sequence_length_out'),
    });
  }
  const useCache = g.input('use_cache_branch', 'bool', [1]);

  const weights = new SharedWeights(g, new WeightSource(seed));
  const common = { dims, spec, weights, inputIds, encStates, past };
  const noPast = new GraphBuilder('no_past');
  const withPast = new GraphBuilder('with_past');
  const elseOuts = decoderBranch(noPast, { ...common, cached: false });
  const thenOuts = decoderBranch(withPast, { ...common, cached: true });
  const outs = g.opMulti('If', [g.op('Squeeze', [useCache, g.ints([0])])], 1 + 4 * dims.decoderLayers, {
    then_branch: withPast.branch('with_past', thenOuts),
    else_branch: noPast.branch('no_past', elseOuts),
  });

  g.output('logits', outs[0] as string, 'float32', ['batch_size', 'decoder_sequence_length', spec.table.vocabSize]);
  for (let i = 0; i < dims.decoderLayers; i++) {
    ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value'].forEach((n, j) => {
      const length = j < 2 ? 'present_decoder_sequence_length' : 'encoder_sequence_length_out';
      g.output(`present.${i}.${n}`, outs[1 + 4 * i + j] as string, 'float32', ['batch_size', H, length, headDim]);
    });
  }
  return encodeModel(g.graph('synthetic_whisper_decoder'), 'Synthetic Whisper decoder: scripted output, no learned weights.');
}
