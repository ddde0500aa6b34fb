import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { onnx as OnnxNamespace } from 'onnx-proto';

const { onnx } = createRequire(import.meta.url)('onnx-proto') as { onnx: typeof OnnxNamespace };
type Graph = OnnxNamespace.IGraphProto;
type Tensor = OnnxNamespace.ITensorProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT8 = onnx.TensorProto.DataType.INT8;

/**
 * Dynamic int8 quantization of a synthetic ONNX model, the scheme of
 * onnxruntime's `quantize_dynamic` with its defaults (what the `q8`
 * `*_quantized.onnx` files of published transformers.js exports are): every
 * MatMul whose second input is a constant weight becomes
 * DynamicQuantizeLinear(x) → MatMulInteger(x_u8, w_s8) → Cast → Mul by the
 * two scales, with one symmetric scale per weight tensor (zero point 0);
 * embedding tables read by Gather are stored int8 too and the gathered rows
 * dequantized (DequantizeLinear). onnxruntime fuses the MatMul pattern into
 * its int8 kernel at load; the weights take a quarter of the memory, which
 * is what a memory-bound decoder step reads. Attention (activation ×
 * activation) stays float. For tests and benches only: published models
 * come quantized.
 */
export function quantizeDynamic(model: Uint8Array): { bytes: Uint8Array; quantized: number } {
  const decoded = onnx.ModelProto.decode(model);
  const top = decoded.graph!;
  const weights = new Map<string, Tensor>((top.initializer ?? []).map((t) => [t.name!, t]));
  const replaced = new Map<string, { q: string; scale: string; zero: string }>();
  let counter = 0;
  let quantized = 0;
  const fresh = (hint: string): string => `q8_${hint}_${++counter}`;

  const quantizeWeight = (name: string): { q: string; scale: string; zero: string } => {
    const done = replaced.get(name);
    if (done) return done;
    const w = floats(weights.get(name)!);
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? max / 127 : 1;
    const q = new Int8Array(w.length);
    for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
    const names = { q: `${name}_quantized`, scale: `${name}_scale`, zero: `${name}_zero_point` };
    const dims = weights.get(name)!.dims!;
    top.initializer!.push(
      { name: names.q, dataType: INT8, dims, rawData: new Uint8Array(q.buffer) },
      { name: names.scale, dataType: FLOAT, dims: [], rawData: new Uint8Array(Float32Array.of(scale).buffer) },
      { name: names.zero, dataType: INT8, dims: [], rawData: new Uint8Array(1) },
    );
    replaced.set(name, names);
    return names;
  };

  const visit = (graph: Graph): void => {
    const out: OnnxNamespace.INodeProto[] = [];
    for (const node of graph.node ?? []) {
      for (const attr of node.attribute ?? []) if (attr.g) visit(attr.g);
      const table = node.opType === 'Gather' ? weights.get(node.input?.[0] ?? '') : undefined;
      if (table && table.dataType === FLOAT && table.dims?.length === 2) {
        quantized++;
        const qt = quantizeWeight(table.name!);
        const rows = fresh('rows');
        out.push(
          { ...node, input: [qt.q, node.input![1]!], output: [rows] },
          { opType: 'DequantizeLinear', input: [rows, qt.scale, qt.zero], output: node.output!, name: fresh('dq') },
        );
        continue;
      }
      const w = node.input?.[1];
      const t = w ? weights.get(w) : undefined;
      if (node.opType !== 'MatMul' || !t || t.dataType !== FLOAT || t.dims?.length !== 2) {
        out.push(node);
        continue;
      }
      quantized++;
      const qw = quantizeWeight(w!);
      const [xq, xs, xz, acc, accf, s] = ['x_q', 'x_scale', 'x_zero', 'acc', 'acc_f', 'scale'].map(fresh);
      out.push(
        { opType: 'DynamicQuantizeLinear', input: [node.input![0]!], output: [xq!, xs!, xz!], name: fresh('dql') },
        { opType: 'MatMulInteger', input: [xq!, qw.q, xz!, qw.zero], output: [acc!], name: fresh('mmi') },
        { opType: 'Cast', input: [acc!], output: [accf!], name: fresh('cast'), attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }] },
        { opType: 'Mul', input: [xs!, qw.scale], output: [s!], name: fresh('scales') },
        { opType: 'Mul', input: [accf!, s!], output: node.output!, name: fresh('mul') },
      );
    }
    graph.node = out;
  };
  visit(top);
  // The float originals are no longer read by any node: dropping them is what makes the file (and the memory) smaller.
  top.initializer = top.initializer!.filter((t) => !replaced.has(t.name!));
  decoded.docString = `${decoded.docString ?? ''} Dynamically quantized to int8 (q8) by journalverkstan-synthetic.`.trim();
  return { bytes: onnx.ModelProto.encode(decoded).finish(), quantized };
}

function floats(t: Tensor): Float32Array {
  if (t.rawData && t.rawData.length > 0) {
    const raw = t.rawData;
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  }
  return Float32Array.from(t.floatData ?? []);
}

/** Writes `onnx/<session>_quantized.onnx` (transformers.js's `q8` file) next to a synthetic model's fp32 session. */
export async function writeQuantizedSession(dir: string, session: string): Promise<number> {
  const source = await readFile(path.join(dir, 'onnx', `${session}.onnx`));
  const { bytes, quantized } = quantizeDynamic(new Uint8Array(source));
  await writeFile(path.join(dir, 'onnx', `${session}_quantized.onnx`), bytes);
  return quantized;
}
