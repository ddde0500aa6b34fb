import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPathOfKey, onnxPathCache } from '../../../server/pipeline/runtime/onnx-path-cache';

// transformers.js 4.3.1's defaults; the key is remoteHost + template with the model folder as id.
const HUB = { remoteHost: 'https://huggingface.co/', remotePathTemplate: '{model}/resolve/{revision}/' };
const keyFor = (folder: string, file: string): string => `https://huggingface.co${folder}/resolve/main/${file}`;

describe('onnxPathCache', () => {
  let root: string;
  let models: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'jv-onnx-cache-'));
    models = path.join(root, 'models');
    await mkdir(path.join(models, 'm', 'onnx'), { recursive: true });
    await writeFile(path.join(models, 'm', 'onnx', 'encoder_model.onnx'), 'x');
    await writeFile(path.join(models, 'm', 'config.json'), '{}');
    await mkdir(path.join(root, 'elsewhere', 'onnx'), { recursive: true });
    await writeFile(path.join(root, 'elsewhere', 'onnx', 'model.onnx'), 'x');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('maps a remote-URL key back to the file in the model folder', () => {
    expect(localPathOfKey(keyFor('/a/b/m', 'onnx/decoder_model_merged.onnx'), HUB)).toBe('/a/b/m/onnx/decoder_model_merged.onnx');
    expect(localPathOfKey('https://example.org/a/resolve/main/x.onnx', HUB)).toBeNull();
    expect(localPathOfKey('/a/b/m/onnx/x.onnx', HUB)).toBeNull();
  });

  it('answers only existing weight files inside the models folder; everything else misses', async () => {
    const cache = onnxPathCache(models, () => HUB);
    const folder = path.join(models, 'm');
    expect(await cache.match(keyFor(folder, 'onnx/encoder_model.onnx'))).toBe(path.join(folder, 'onnx', 'encoder_model.onnx'));
    expect(await cache.match(keyFor(folder, 'onnx/decoder_model_merged.onnx'))).toBeUndefined(); // not there
    expect(await cache.match(keyFor(folder, 'config.json'))).toBeUndefined(); // not a weight file
    expect(await cache.match(keyFor(path.join(root, 'elsewhere'), 'onnx/model.onnx'))).toBeUndefined(); // outside MODELS_DIR
    expect(await cache.match(keyFor(`${folder}/../../elsewhere`, 'onnx/model.onnx'))).toBeUndefined();
  });
});
