import { createRequire } from 'node:module';
import type { onnx as OnnxNamespace } from 'onnx-proto';

// onnx-proto is CommonJS without named ESM exports; createRequire keeps the
// real protobuf classes and their types.
const { onnx } = createRequire(import.meta.url)('onnx-proto') as { onnx: typeof OnnxNamespace };

/** ONNX 1.12 level: LayerNormalization exists, Reduce* (except ReduceSum) still take axes as attributes. */
export const OPSET = 17;
const IR_VERSION = 8;

export type ElemType = 'float32' | 'int64' | 'bool';
const ELEM: Record<ElemType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** A dimension is a fixed size or a symbolic name (e.g. "batch_size"). */
export type Dim = number | string;
type AttrValue = number | number[] | string | OnnxNamespace.IGraphProto | { float: number };

function attribute(name: string, value: AttrValue): OnnxNamespace.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') return { name, type: T.INT, i: value };
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  return { name, type: T.GRAPH, g: value };
}

function valueInfo(name: string, type: ElemType, shape?: Dim[]): OnnxNamespace.IValueInfoProto {
  const dims = shape?.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return {
    name,
    type: { tensorType: { elemType: ELEM[type], ...(dims ? { shape: { dim: dims } } : {}) } },
  };
}

/**
 * A minimal ONNX graph builder: every op call returns the name of its output,
 * so graphs read like straight-line code. Names are unique per builder; a
 * subgraph (If branch) gets its own builder with a distinct prefix and may
 * refer to any name of the outer graph.
 */
export class GraphBuilder {
  private readonly nodes: OnnxNamespace.INodeProto[] = [];
  private readonly initializers: OnnxNamespace.ITensorProto[] = [];
  private readonly inputs: OnnxNamespace.IValueInfoProto[] = [];
  private readonly outputs: OnnxNamespace.IValueInfoProto[] = [];
  private counter = 0;

  constructor(private readonly prefix = 'n') {}

  private fresh(hint: string): string {
    this.counter += 1;
    return `${this.prefix}_${hint}_${this.counter}`;
  }

  input(name: string, type: ElemType, shape: Dim[]): string {
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Declares `value` as a graph output under `name` (through Identity). */
  output(name: string, value: string, type: ElemType, shape?: Dim[]): void {
    this.nodes.push({ opType: 'Identity', input: [value], output: [name], name: this.fresh('out') });
    this.outputs.push(valueInfo(name, type, shape));
  }

  op(type: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    return this.opMulti(type, inputs, 1, attrs)[0] as string;
  }

  opMulti(type: string, inputs: string[], count: number, attrs: Record<string, AttrValue> = {}): string[] {
    const out = Array.from({ length: count }, () => this.fresh(type.toLowerCase()));
    this.nodes.push({
      opType: type,
      input: inputs,
      output: out,
      name: this.fresh(`${type}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return out;
  }

  floats(data: Float32Array | number[], dims: number[], hint = 'w'): string {
    const arr = data instanceof Float32Array ? data : Float32Array.from(data);
    return this.tensor(hint, 'float32', dims, new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
  }

  ints(data: number[], dims: number[] = [data.length], hint = 'i'): string {
    const arr = BigInt64Array.from(data.map((v) => BigInt(v)));
    return this.tensor(hint, 'int64', dims, new Uint8Array(arr.buffer));
  }

  scalarFloat(value: number): string {
    return this.floats([value], [], 'c');
  }

  scalarInt(value: number): string {
    return this.ints([value], [], 'c');
  }

  private tensor(hint: string, type: ElemType, dims: number[], rawData: Uint8Array): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dataType: ELEM[type], dims, rawData });
    return name;
  }

  graph(name: string): OnnxNamespace.IGraphProto {
    return {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    };
  }

  /** A branch graph for If: no inputs, outputs declared by type only. */
  branch(name: string, outs: { value: string; type: ElemType }[]): OnnxNamespace.IGraphProto {
    const outputs = outs.map(({ value, type }) => {
      const outName = this.fresh('branch_out');
      this.nodes.push({ opType: 'Identity', input: [value], output: [outName], name: this.fresh('id') });
      return valueInfo(outName, type);
    });
    return { name, node: this.nodes, initializer: this.initializers, input: [], output: outputs };
  }
}

/** Serialises a graph as an ONNX model file (protobuf bytes). */
export function encodeModel(graph: OnnxNamespace.IGraphProto, docString: string): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'journalverkstan-synthetic',
    docString,
    opsetImport: [{ domain: '', version: OPSET }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
