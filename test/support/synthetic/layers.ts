import type { GraphBuilder } from './onnx-graph';

/**
 * Deterministic weights without learned values. Inference time does not
 * depend on the values, so one pseudo-random block (uniform, ±0.05: small
 * enough that activations stay finite through many layers) is tiled across
 * every tensor — fast even for the ~250 M floats of a Whisper-small-sized
 * model.
 */
export class WeightSource {
  private readonly block: Float32Array;
  private offset = 0;

  constructor(seed: number) {
    let s = seed >>> 0;
    this.block = new Float32Array(65_521); // prime length: tiles do not line up with tensor rows
    for (let i = 0; i < this.block.length; i++) {
      // mulberry32
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      this.block[i] = (u - 0.5) * 0.1;
    }
  }

  next(count: number): Float32Array {
    const out = new Float32Array(count);
    let pos = 0;
    while (pos < count) {
      const start = this.offset % this.block.length;
      const n = Math.min(this.block.length - start, count - pos);
      out.set(this.block.subarray(start, start + n), pos);
      pos += n;
      this.offset += n;
    }
    return out;
  }
}

/**
 * Weights kept in the outer graph and looked up by key, so the two branches
 * of a merged decoder's If share one copy, as in Optimum's merged exports
 * (which move the deduplicated weights out of the subgraphs).
 */
export class SharedWeights {
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly outer: GraphBuilder,
    readonly source: WeightSource,
  ) {}

  get(key: string, dims: number[], hint: string): string {
    let name = this.byKey.get(key);
    if (!name) {
      name = this.outer.floats(this.source.next(dims.reduce((a, b) => a * b, 1)), dims, hint);
      this.byKey.set(key, name);
    }
    return name;
  }
}

export interface Ctx {
  g: GraphBuilder;
  w: WeightSource;
  /** When set, weights come from `shared` under `scope` + call order instead of being new initializers of `g`. */
  shared?: { weights: SharedWeights; scope: string; count: number };
}

/** A context whose weights are the shared ones of `scope`: the same call order yields the same tensors. */
export function scoped(g: GraphBuilder, weights: SharedWeights, scope: string): Ctx {
  return { g, w: weights.source, shared: { weights, scope, count: 0 } };
}

export function weight(ctx: Ctx, dims: number[], hint = 'w'): string {
  const { shared } = ctx;
  if (shared) return shared.weights.get(`${shared.scope}#${shared.count++}`, dims, hint);
  return ctx.g.floats(ctx.w.next(dims.reduce((a, b) => a * b, 1)), dims, hint);
}

export function linear(ctx: Ctx, x: string, inDim: number, outDim: number, bias = true): string {
  const y = ctx.g.op('MatMul', [x, weight(ctx, [inDim, outDim])]);
  return bias ? ctx.g.op('Add', [y, weight(ctx, [outDim], 'b')]) : y;
}

export function layerNorm(ctx: Ctx, x: string, d: number): string {
  const scale = ctx.g.floats(new Float32Array(d).fill(1), [d], 'ln_g');
  const shift = ctx.g.floats(new Float32Array(d), [d], 'ln_b');
  return ctx.g.op('LayerNormalization', [x, scale, shift], { axis: -1, epsilon: { float: 1e-5 } });
}

/** Exact GELU as Whisper uses it: 0.5·x·(1 + erf(x/√2)); ORT fuses the pattern. */
export function gelu(ctx: Ctx, x: string): string {
  const { g } = ctx;
  const erf = g.op('Erf', [g.op('Mul', [x, g.scalarFloat(Math.SQRT1_2)])]);
  return g.op('Mul', [g.op('Mul', [x, g.scalarFloat(0.5)]), g.op('Add', [erf, g.scalarFloat(1)])]);
}

/** [B, T, H·hd] → [B, H, T, hd] */
export function splitHeads(ctx: Ctx, x: string, heads: number, headDim: number): string {
  const shaped = ctx.g.op('Reshape', [x, ctx.g.ints([0, 0, heads, headDim])]);
  return ctx.g.op('Transpose', [shaped], { perm: [0, 2, 1, 3] });
}

/** [B, H, T, hd] → [B, T, H·hd] */
export function mergeHeads(ctx: Ctx, x: string, d: number): string {
  const t = ctx.g.op('Transpose', [x], { perm: [0, 2, 1, 3] });
  return ctx.g.op('Reshape', [t, ctx.g.ints([0, 0, d])]);
}

/** Scaled dot-product attention on split heads, no mask (values carry no meaning here). */
export function attend(ctx: Ctx, q: string, k: string, v: string, headDim: number): string {
  const { g } = ctx;
  const kt = g.op('Transpose', [k], { perm: [0, 1, 3, 2] });
  const scores = g.op('Mul', [g.op('MatMul', [q, kt]), g.scalarFloat(1 / Math.sqrt(headDim))]);
  return g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
}

export function mlp(ctx: Ctx, x: string, d: number, ffn: number): string {
  return linear(ctx, gelu(ctx, linear(ctx, x, d, ffn)), ffn, d);
}
