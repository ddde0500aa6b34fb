import { GraphBuilder, encodeModel } from './onnx-graph';
import { type Ctx, WeightSource, attend, layerNorm, linear, mergeHeads, mlp, splitHeads, gelu, weight } from './layers';

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
