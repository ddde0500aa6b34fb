import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { onnx as OnnxNamespace } from 'onnx-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalWhisperTranscriber } from '../../../server/pipeline/asr/local-whisper';
import { dtypeLabel, whisperDtype } from '../../../server/pipeline/runtime/model-files';
import { SAMPLE_RATE, LOW_HZ, HIGH_HZ, concatAudio, tone } from '../../support/synthetic/audio';
import { writeQuantizedSession } from '../../support/synthetic/quantize';
import { makeSyntheticWhisper } from '../../support/synthetic/whisper';

/*
 * The q8 decoder option (ASR_DTYPE=fp32, ASR_DECODER_DTYPE=q8): a synthetic
 * Whisper whose decoder is dynamically quantized to int8 the way published
 * `*_quantized.onnx` files are, loaded next to the fp32 encoder through the
 * real runtime. The synthetic weights carry no speech, so what is checked is
 * that the quantized graph is what it claims to be, that our decoding loop
 * runs on it and that the transcript says which variant made it; what q8
 * costs in accuracy on real weights is in bench/README (published figures).
 */

const { onnx } = createRequire(import.meta.url)('onnx-proto') as { onnx: typeof OnnxNamespace };
const MODEL_ID = 'synthetic-whisper-q8';
// Synthetic Swedish consultation lines, written for this test.
const SCRIPTS = [
  { segments: [{ start: 0, end: 2.5, text: 'Patienten har ont i halsen sedan i går.' }] },
  { segments: [{ start: 0, end: 1.5, text: 'Ingen feber.' }, { start: 1.5, end: 3, text: 'Lungorna låter normala.' }] },
];
// Large enough that the weights, not the graph's structure, dominate the file.
const DIMS = { dModel: 64, encoderLayers: 1, decoderLayers: 2, heads: 4 };

describe('q8 decoder on a synthetic Whisper', () => {
  let modelsDir: string;
  let dir: string;
  let quantizedMatMuls = 0;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-q8-'));
    dir = path.join(modelsDir, MODEL_ID);
    await makeSyntheticWhisper({ dir, dims: DIMS, scripts: SCRIPTS });
    quantizedMatMuls = await writeQuantizedSession(dir, 'decoder_model_merged');
  });
  afterAll(async () => {
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  it('quantizes every weight MatMul of both decoder branches and keeps no float copy of those weights', async () => {
    // Per layer and branch: q, k, v, out, cross q, out, MLP in and out (+ cross k, v in the first-step branch); the vocabulary projection; the token and position tables.
    const matmuls = 2 * (DIMS.decoderLayers * 8 + 1) + DIMS.decoderLayers * 2;
    expect(quantizedMatMuls).toBe(matmuls + 2 * 2);
    const model = onnx.ModelProto.decode(await readFile(path.join(dir, 'onnx', 'decoder_model_merged_quantized.onnx')));
    const ops: string[] = [];
    const floatMatMuls: string[][] = [];
    const walk = (g: OnnxNamespace.IGraphProto): void => {
      for (const n of g.node ?? []) {
        ops.push(n.opType!);
        if (n.opType === 'MatMul') floatMatMuls.push(n.input ?? []);
        for (const a of n.attribute ?? []) if (a.g) walk(a.g);
      }
    };
    walk(model.graph!);
    expect(ops.filter((op) => op === 'MatMulInteger')).toHaveLength(matmuls);
    expect(ops.filter((op) => op === 'DynamicQuantizeLinear')).toHaveLength(matmuls);
    expect(ops.filter((op) => op === 'DequantizeLinear')).toHaveLength(4);
    // What stays float MatMul is attention (activation × activation): no weight is read as float any more.
    const initializers = new Set((model.graph!.initializer ?? []).map((t) => t.name));
    expect(floatMatMuls.filter((inputs) => initializers.has(inputs[1]))).toEqual([]);
    expect(floatMatMuls.length).toBeGreaterThan(0);

    const int8 = (model.graph!.initializer ?? []).filter((t) => t.dataType === onnx.TensorProto.DataType.INT8 && (t.dims?.length ?? 0) === 2);
    expect(int8.length).toBeGreaterThan(0);
    expect(model.docString).toMatch(/int8 \(q8\)/);
    const fp32 = (await stat(path.join(dir, 'onnx', 'decoder_model_merged.onnx'))).size;
    const q8 = (await stat(path.join(dir, 'onnx', 'decoder_model_merged_quantized.onnx'))).size;
    expect(q8).toBeLessThan(0.3 * fp32);
  });

  it('transcribes through our decoding loop with the fp32 encoder and says which variant it is', async () => {
    const dtype = whisperDtype('fp32', 'q8');
    expect(dtype).toEqual({ encoder_model: 'fp32', decoder_model_merged: 'q8' });
    expect(dtypeLabel(dtype)).toBe('fp32, avkodare q8');
    expect(whisperDtype('q8', 'q8')).toBe('q8');
    const q8 = new LocalWhisperTranscriber({ modelsDir, modelId: MODEL_ID, dtype });
    const fp32 = new LocalWhisperTranscriber({ modelsDir, modelId: MODEL_ID, dtype: 'fp32' });
    try {
      expect(await q8.status()).toMatchObject({ state: 'ready' });
      expect(q8.info.settings).toMatchObject({ dtype: { decoder_model_merged: 'q8' } });
      const windows = [tone(LOW_HZ, 4), concatAudio(tone(HIGH_HZ, 2), tone(HIGH_HZ, 2))].map((samples) => ({
        audio: { samples, sampleRate: SAMPLE_RATE } as const,
        options: { language: 'sv' },
      }));
      const quantized = await q8.transcribeMany(windows);
      expect(quantized.map((segments) => segments.map((s) => s.text).join(' '))).toEqual([
        'Patienten har ont i halsen sedan i går.',
        'Ingen feber. Lungorna låter normala.',
      ]);
      // The script outweighs int8 rounding here, so both variants give the same transcript; on real weights they may differ.
      expect(quantized).toEqual(await fp32.transcribeMany(windows));
    } finally {
      await q8.dispose();
      await fp32.dispose();
    }
  });
});
