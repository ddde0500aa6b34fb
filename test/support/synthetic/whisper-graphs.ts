import { GraphBuilder, encodeModel } from './onnx-graph';
import { type Ctx, WeightSource, attend, layerNorm, linear, mergeHeads, mlp, splitHeads, gelu, weight } from './layers';
import { type ScriptTable, containsToken, markCache, scriptedBias } from './scripted-head';

export interface WhisperDims {
  dModel: number;
  encoderLayers: number;
  decoderLayers: number;
  heads: number;
  /** MLP width; Whisper uses 4·dModel */
  ffn?: number;
}

const N_MELS = 80;
const N_FRAMES = 3000;
const N_POSITIONS = 1500;
const MAX_TARGET_POSITIONS = 448;

export const AUDIO_CLASS_MAX = 8;

/**
 * Encoder with Whisper's compute shape: conv stem (80→d, k3; d→d, k3 stride 2,
 * GELU), learned positions, pre-LN transformer layers (self-attention + MLP),
 * final LayerNorm. Channel 0 of the output is then overwritten with the
 * index of the mel band group (of `audioClasses` equal groups) that holds the
 * most energy: the one property of the audio the scripted decoder reads.
 */
export function buildWhisperEncoder(dims: WhisperDims, audioClasses: number, seed: number): Uint8Array {
  const g = new GraphBuilder('enc');
  const ctx: Ctx = { g, w: new WeightSource(seed) };
  const d = dims.dModel;
  const headDim = d / dims.heads;
  const ffn = dims.ffn ?? 4 * d;
  const features = g.input('input_features', 'float32', ['batch_size', N_MELS, N_FRAMES]);

  const conv1 = g.op('Conv', [features, weight(ctx, [d, N_MELS, 3]), weight(ctx, [d], 'b')], { pads: [1, 1] });
  const conv2 = g.op('Conv', [gelu(ctx, conv1), weight(ctx, [d, d, 3]), weight(ctx, [d], 'b')], {
    pads: [1, 1],
    strides: [2],
  });
  let h = g.op('Add', [g.op('Transpose', [gelu(ctx, conv2)], { perm: [0, 2, 1] }), weight(ctx, [N_POSITIONS, d])]);

  for (let i = 0; i < dims.encoderLayers; i++) {
    const x = layerNorm(ctx, h, d);
    const q = splitHeads(ctx, linear(ctx, x, d, d), dims.heads, headDim);
    const k = splitHeads(ctx, linear(ctx, x, d, d, false), dims.heads, headDim);
    const v = splitHeads(ctx, linear(ctx, x, d, d), dims.heads, headDim);
    const att = linear(ctx, mergeHeads(ctx, attend(ctx, q, k, v, headDim), d), d, d);
    h = g.op('Add', [h, att]);
    h = g.op('Add', [h, mlp(ctx, layerNorm(ctx, h, d), d, ffn)]);
  }
  h = layerNorm(ctx, h, d);

  // Audio class: mean log-mel energy per band group → argmax.
  const per = Math.floor(N_MELS / audioClasses);
  const bands = g.op('ReduceMean', [features], { axes: [2], keepdims: 0 });
  const used = g.op('Slice', [bands, g.ints([0]), g.ints([per * audioClasses]), g.ints([1])]);
  const groups = g.op('ReduceMean', [g.op('Reshape', [used, g.ints([0, audioClasses, per])])], {
    axes: [2],
    keepdims: 0,
  });
  const cls = g.op('Cast', [g.op('ArgMax', [groups], { axis: 1, keepdims: 0 })], { to: 1 });
  const clsB = g.op('Reshape', [cls, g.ints([-1, 1, 1])]);
  const keep = new Float32Array(d).fill(1);
  keep[0] = 0;
  const slot = new Float32Array(d);
  slot[0] = 1;
  const out = g.op('Add', [g.op('Mul', [h, g.floats(keep, [d], 'keep')]), g.op('Mul', [clsB, g.floats(slot, [d], 'slot')])]);
  g.output('last_hidden_state', out, 'float32', ['batch_size', N_POSITIONS, d]);
  return encodeModel(g.graph('synthetic_whisper_encoder'), 'Synthetic Whisper encoder: no learned weights.');
}

export interface DecoderScriptSpec {
  table: ScriptTable;
  /** prompt tokens that select variants: row = (class·2 + prompted)·2 + timestamps */
  startOfPrevId: number;
  noTimestampsId: number;
}

/**
 * Merged decoder (`decoder_model_merged`) with Whisper's per-step compute:
 * token + position embedding, per layer pre-LN self-attention over the KV
 * cache, cross-attention over the encoder states (keys/values computed once,
 * in the `use_cache_branch = false` branch of an If, as Optimum's merged
 * export does), MLP; final LayerNorm and the tied vocabulary projection.
 * The scripted bias is added to the logits.
 */
export function buildWhisperDecoder(dims: WhisperDims, spec: DecoderScriptSpec, seed: number): Uint8Array {
  const g = new GraphBuilder('dec');
  const ctx: Ctx = { g, w: new WeightSource(seed) };
  const d = dims.dModel;
  const H = dims.heads;
  const headDim = d / H;
  const ffn = dims.ffn ?? 4 * d;
  const vocab = spec.table.vocabSize;

  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'decoder_sequence_length']);
  const encStates = g.input('encoder_hidden_states', 'float32', ['batch_size', 'encoder_sequence_length', d]);
  const past: { dk: string; dv: string; ek: string; ev: string }[] = [];
  for (let i = 0; i < dims.decoderLayers; i++) {
    const p = `past_key_values.${i}`;
    past.push({
      dk: g.input(`${p}.decoder.key`, 'float32', ['batch_size', H, 'past_decoder_sequence_length', headDim]),
      dv: g.input(`${p}.decoder.value`, 'float32', ['batch_size', H, 'past_decoder_sequence_length', headDim]),
      ek: g.input(`${p}.encoder.key`, 'float32', ['batch_size', H, 'encoder_sequence_length_out', headDim]),
      ev: g.input(`${p}.encoder.value`, 'float32', ['batch_size', H, 'encoder_sequence_length_out', headDim]),
    });
  }
  const useCache = g.input('use_cache_branch', 'bool', [1]);

  // Cross-attention keys/values: reuse the cache, or compute them from the encoder states.
  const thenG = new GraphBuilder('then');
  const thenOuts = past.flatMap((p) => [p.ek, p.ev].map((value) => ({ value, type: 'float32' as const })));
  const elseG = new GraphBuilder('else');
  const elseCtx: Ctx = { g: elseG, w: ctx.w };
  const elseOuts = past.flatMap(() =>
    [false, true].map((bias) => ({
      value: splitHeads(elseCtx, linear(elseCtx, encStates, d, d, bias), H, headDim),
      type: 'float32' as const,
    })),
  );
  const cond = g.op('Squeeze', [useCache, g.ints([0])]);
  const cross = g.opMulti('If', [cond], 2 * dims.decoderLayers, {
    then_branch: thenG.branch('use_cache', thenOuts),
    else_branch: elseG.branch('compute_cross', elseOuts),
  });

  const embed = weight(ctx, [vocab, d], 'embed');
  const pastLen = g.op('Gather', [g.op('Shape', [(past[0] as (typeof past)[number]).dk]), g.scalarInt(2)]);
  const seqLen = g.op('Gather', [g.op('Shape', [inputIds]), g.scalarInt(1)]);
  const positions = g.op('Range', [pastLen, g.op('Add', [pastLen, seqLen]), g.scalarInt(1)]);
  let h = g.op('Add', [g.op('Gather', [embed, inputIds]), g.op('Gather', [weight(ctx, [MAX_TARGET_POSITIONS, d]), positions])]);

  // Script row from the prompt (first call) and the encoder's audio class.
  const audioClass = g.op('Reshape', [
    g.op('Slice', [encStates, g.ints([0, 0]), g.ints([1, 1]), g.ints([1, 2])]),
    g.ints([-1]),
  ]);
  const prompted = containsToken(g, inputIds, spec.startOfPrevId);
  const timestamps = g.op('Sub', [g.scalarFloat(1), containsToken(g, inputIds, spec.noTimestampsId)]);
  const rowOnFirstCall = g.op('Add', [
    g.op('Mul', [g.op('Add', [g.op('Mul', [audioClass, g.scalarFloat(2)]), prompted]), g.scalarFloat(2)]),
    timestamps,
  ]);

  const presents: string[] = [];
  let step = '';
  let row = '';
  for (let i = 0; i < dims.decoderLayers; i++) {
    const p = past[i] as (typeof past)[number];
    const x = layerNorm(ctx, h, d);
    const q = splitHeads(ctx, linear(ctx, x, d, d), H, headDim);
    const freshK = splitHeads(ctx, linear(ctx, x, d, d, false), H, headDim);
    const freshV = splitHeads(ctx, linear(ctx, x, d, d), H, headDim);
    let k: string;
    let v: string;
    if (i === 0) {
      const state = markCache(g, {
        pastKey: p.dk,
        pastValue: p.dv,
        freshKey: freshK,
        freshValue: freshV,
        rowOnFirstCall,
        heads: H,
        headDim,
      });
      ({ presentKey: k, presentValue: v, step, row } = state);
    } else {
      k = g.op('Concat', [p.dk, freshK], { axis: 2 });
      v = g.op('Concat', [p.dv, freshV], { axis: 2 });
    }
    const selfAtt = linear(ctx, mergeHeads(ctx, attend(ctx, q, k, v, headDim), d), d, d);
    h = g.op('Add', [h, selfAtt]);
    const ck = cross[2 * i] as string;
    const cv = cross[2 * i + 1] as string;
    const cq = splitHeads(ctx, linear(ctx, layerNorm(ctx, h, d), d, d), H, headDim);
    h = g.op('Add', [h, linear(ctx, mergeHeads(ctx, attend(ctx, cq, ck, cv, headDim), d), d, d)]);
    h = g.op('Add', [h, mlp(ctx, layerNorm(ctx, h, d), d, ffn)]);
    presents.push(k, v, ck, cv);
  }
  h = layerNorm(ctx, h, d);
  // Exports store the tied output projection as its own, pre-transposed initializer.
  const logits = g.op('MatMul', [h, weight(ctx, [d, vocab], 'proj_out')]);
  const scripted = g.op('Add', [logits, scriptedBias(g, spec.table, step, row)]);

  g.output('logits', scripted, 'float32', ['batch_size', 'decoder_sequence_length', vocab]);
  for (let i = 0; i < dims.decoderLayers; i++) {
    const names = ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value'];
    names.forEach((n, j) => {
      const dim = j < 2 ? 'present_decoder_sequence_length' : 'encoder_sequence_length_out';
      g.output(`present.${i}.${n}`, presents[4 * i + j] as string, 'float32', ['batch_size', H, dim, headDim]);
    });
  }
  return encodeModel(g.graph('synthetic_whisper_decoder'), 'Synthetic Whisper decoder: scripted output, no learned weights.');
}
