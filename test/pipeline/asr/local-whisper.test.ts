import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalWhisperTranscriber } from '../../../server/pipeline/asr/local-whisper';
import type { LoadProgress } from '../../../server/pipeline/runtime/local-runtime';
import { PipelineError } from '../../../server/pipeline/errors';
import { loadedPipelineKeys } from '../../../server/pipeline/runtime/local-pipeline-cache';
import { HIGH_HZ, LOW_HZ, SAMPLE_RATE, concatAudio, tone } from '../../support/synthetic/audio';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../../support/synthetic/whisper';

// Synthetic Swedish consultation snippets, written for these tests.
const COUGH = 'Patienten har haft hosta i tre dagar.';
const COUGH_PROMPTED = 'Patienten har tagit Alvedon mot febern.';
const NO_FEVER = 'Ingen feber.';
const LUNGS = 'Lungorna låter normala.';

const MODEL_ID = 'synthetic-whisper';

async function buildModel(dir: string): Promise<void> {
  await makeSyntheticWhisper({
    dir,
    dims: TINY_SYNTHETIC_DIMS,
    scripts: [
      // audio class 0: most energy in the low mel bands
      {
        segments: [{ start: 0, end: 2.5, text: COUGH }],
        whenPrompted: [{ start: 0, end: 2.5, text: COUGH_PROMPTED }],
      },
      // audio class 1: most energy in the high mel bands
      {
        segments: [
          { start: 0, end: 1.5, text: NO_FEVER },
          { start: 1.5, end: 3, text: LUNGS },
        ],
      },
    ],
  });
}

const pcm = (samples: Float32Array) => ({ samples, sampleRate: SAMPLE_RATE }) as const;

describe('LocalWhisperTranscriber on a synthetic Whisper through the real transformers.js runtime', () => {
  let modelsDir: string;
  let transcriber: LocalWhisperTranscriber;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-whisper-'));
    const t0 = performance.now();
    await buildModel(path.join(modelsDir, MODEL_ID));
    console.log(`[local-whisper] synthetic model built in ${(performance.now() - t0).toFixed(0)} ms`);
    transcriber = new LocalWhisperTranscriber({ modelsDir, modelId: MODEL_ID });
  });

  afterAll(async () => {
    await transcriber.dispose();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('reports ready when the folder is complete', async () => {
    expect(await transcriber.status()).toEqual({ state: 'ready', modelId: MODEL_ID });
    expect(transcriber.info.transcriberId).toBe(`local:${MODEL_ID}`);
  });

  it('returns the exact scripted Swedish sentence (loading opens no stream of an ONNX file)', async () => {
    // transformers.js would stream each weight file into memory for nothing (see onnx-path-cache.ts).
    const streams = vi.spyOn(fs, 'createReadStream');
    const t0 = performance.now();
    const segments = await transcriber.transcribe(pcm(tone(LOW_HZ, 3)), { language: 'sv' });
    const first = performance.now() - t0;
    const opened = streams.mock.calls.map(([file]) => String(file));
    streams.mockRestore();
    expect(opened.some((f) => f.endsWith('tokenizer.json'))).toBe(true); // the spy sees the library's reads
    expect(opened.filter((f) => f.includes('.onnx'))).toEqual([]);
    const t1 = performance.now();
    await transcriber.transcribe(pcm(tone(LOW_HZ, 3)), { language: 'sv' });
    console.log(`[local-whisper] load + 3 s clip: ${first.toFixed(0)} ms; 3 s clip (loaded): ${(performance.now() - t1).toFixed(0)} ms`);
    expect(segments.map((s) => s.text)).toEqual([COUGH]);
  });

  it('gives segment times as scripted, offset and with the speaker', async () => {
    const segments = await transcriber.transcribe(pcm(tone(HIGH_HZ, 3)), {
      language: 'sv',
      offsetSeconds: 60,
      speaker: 'Läkare',
    });
    expect(segments).toEqual([
      { id: 's1', start: 60, end: 61.5, speaker: 'Läkare', text: NO_FEVER },
      { id: 's2', start: 61.5, end: 63, speaker: 'Läkare', text: LUNGS },
    ]);
  });

  it('transcribes a 50 s recording cut into ≤ 30 s windows: different audio, different sentences', async () => {
    const recording = concatAudio(tone(LOW_HZ, 30), tone(HIGH_HZ, 20));
    const windowSamples = 30 * SAMPLE_RATE;
    const all = [];
    for (let start = 0; start < recording.length; start += windowSamples) {
      const window = recording.subarray(start, Math.min(start + windowSamples, recording.length));
      all.push(...(await transcriber.transcribe(pcm(window), { language: 'sv', offsetSeconds: start / SAMPLE_RATE })));
    }
    expect(all.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 2.5, COUGH],
      [30, 31.5, NO_FEVER],
      [31.5, 33, LUNGS],
    ]);
  });

  it('passes the initial prompt to the decoder and keeps it out of the transcript', async () => {
    const segments = await transcriber.transcribe(pcm(tone(LOW_HZ, 3)), {
      language: 'sv',
      prompt: 'Alvedon, Waran, Eliquis, Vårdcentralen Kungsholmen',
    });
    // The synthetic decoder only says COUGH_PROMPTED when it saw <|startofprev|> in its prompt.
    expect(segments.map((s) => s.text)).toEqual([COUGH_PROMPTED]);
  });

  it('refuses a window longer than 30 s instead of silently cutting it', async () => {
    await expect(transcriber.transcribe(pcm(tone(LOW_HZ, 31)), { language: 'sv' })).rejects.toThrow(/at most 30 s/);
  });

  it('rejects an already aborted request without running the model', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      transcriber.transcribe(pcm(tone(LOW_HZ, 1)), { language: 'sv', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'PipelineError', code: 'aborted' });
  });
});

describe('LocalWhisperTranscriber with a missing model', () => {
  let emptyDir: string;

  beforeAll(async () => {
    emptyDir = await mkdtemp(path.join(os.tmpdir(), 'jv-nomodel-'));
  });

  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
  });

  it('says missing with the path and how to install, and transcribe rejects without touching the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const transcriber = new LocalWhisperTranscriber({ modelsDir: emptyDir });
    const expectedPath = path.join(emptyDir, 'KBLab', 'kb-whisper-small');

    const status = await transcriber.status();
    expect(status).toMatchObject({ state: 'missing', modelId: 'KBLab/kb-whisper-small', path: expectedPath });
    expect(status.state === 'missing' && status.howToInstall).toContain('npm run models -- pull KBLab/kb-whisper-small');
    expect(status.state === 'missing' && status.howToInstall).toContain('MODELS_DIR');

    const failure = transcriber.transcribe(pcm(tone(LOW_HZ, 1)), { language: 'sv' });
    await expect(failure).rejects.toBeInstanceOf(PipelineError);
    await expect(failure).rejects.toMatchObject({ code: 'model_missing' });
    // The message reaches job errors and the gateway's 503: it names MODELS_DIR, not the server's path (issue #12 row 11).
    await expect(failure).rejects.toThrow('MODELS_DIR/KBLab/kb-whisper-small');
    await expect(failure).rejects.not.toThrow(emptyDir);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    await transcriber.dispose();
  });
});

describe('LocalWhisperTranscriber pipeline sharing', () => {
  let modelsDir: string;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-whisper-cache-'));
    await buildModel(path.join(modelsDir, 'synthetic-whisper-shared'));
  });

  afterAll(async () => {
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('loads the model once for concurrent calls and for a second instance, and frees it after the last dispose', async () => {
    const events: LoadProgress[] = [];
    const a = new LocalWhisperTranscriber({
      modelsDir,
      modelId: 'synthetic-whisper-shared',
      onProgress: (e) => events.push(e),
    });
    const b = new LocalWhisperTranscriber({
      modelsDir,
      modelId: 'synthetic-whisper-shared',
      onProgress: (e) => events.push(e),
    });
    const options = { language: 'sv' };
    const results = await Promise.all([
      a.transcribe(pcm(tone(LOW_HZ, 2)), options),
      a.transcribe(pcm(tone(HIGH_HZ, 2)), options),
      b.transcribe(pcm(tone(LOW_HZ, 2)), options),
    ]);
    expect(results.map((r) => r.map((s) => s.text))).toEqual([[COUGH], [NO_FEVER, LUNGS], [COUGH]]);
    expect(events.filter((e) => e.status === 'ready')).toHaveLength(1);

    const folder = path.join(modelsDir, 'synthetic-whisper-shared');
    const keysFor = () => loadedPipelineKeys().filter((k) => k.includes(folder));
    expect(keysFor()).toHaveLength(1);
    await a.dispose();
    expect(keysFor()).toHaveLength(1); // b still holds it
    await b.dispose();
    expect(keysFor()).toHaveLength(0);
  });
});
