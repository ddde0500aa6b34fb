import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredModelFiles } from '../../../server/pipeline/runtime/model-files';
import { checkLocalModel, modelFolder } from '../../../server/pipeline/runtime/local-runtime';
import { stripPromptEcho } from '../../../server/pipeline/asr/local-whisper-prompt';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../../support/synthetic/whisper';

describe('model files per kind and dtype', () => {
  it('names the ONNX files transformers.js loads for each dtype', () => {
    expect(requiredModelFiles('whisper', 'q8')).toEqual([
      'config.json',
      'generation_config.json',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
    expect(requiredModelFiles('whisper', { decoder_model_merged: 'q4' }).slice(-2)).toEqual([
      'onnx/encoder_model.onnx',
      'onnx/decoder_model_merged_q4.onnx',
    ]);
    expect(requiredModelFiles('chat', 'q4f16')).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model_q4f16.onnx',
    ]);
  });

  it('refuses model ids that would leave the models directory', () => {
    expect(() => modelFolder('/models', '../etc')).toThrow();
    expect(() => modelFolder('/models', 'a/b/c')).toThrow();
    expect(modelFolder('/models', 'KBLab/kb-whisper-small')).toBe(path.resolve('/models/KBLab/kb-whisper-small'));
  });
});

describe('status of a folder that holds another dtype', () => {
  let modelsDir: string;
  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-dtype-'));
    await makeSyntheticWhisper({
      dir: path.join(modelsDir, 'synthetic-whisper'),
      dims: TINY_SYNTHETIC_DIMS,
      scripts: [{ segments: [{ start: 0, end: 1, text: 'Ingen feber.' }] }],
    });
  });
  afterAll(async () => {
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('is ready for fp32 and names the missing q4 decoder otherwise', async () => {
    expect(await checkLocalModel(modelsDir, 'synthetic-whisper', 'whisper', 'fp32')).toMatchObject({ state: 'ready' });
    const q4 = await checkLocalModel(modelsDir, 'synthetic-whisper', 'whisper', { decoder_model_merged: 'q4' });
    expect(q4.state).toBe('missing');
    expect(q4.state === 'missing' && q4.howToInstall).toContain('onnx/decoder_model_merged_q4.onnx');
  });
});

describe('stripPromptEcho', () => {
  const chunk = (text: string) => ({ text, timestamp: [0, 1] as [number, number] });

  it('removes the decoded prompt from the first chunk only', () => {
    expect(stripPromptEcho([chunk(' Waran Ingen feber.'), chunk(' Waran.')], ' Waran')).toEqual([
      chunk(' Ingen feber.'),
      chunk(' Waran.'),
    ]);
  });

  it('throws rather than let the prompt pass as speech', () => {
    expect(() => stripPromptEcho([chunk(' Ingen feber.')], ' Waran')).toThrow(/could not be separated/);
  });
});
