import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/modules/admin/api-keys';
import { PipelineError } from '../../server/pipeline/errors';
import { HostedTranscriber } from '../../server/pipeline/asr/hosted';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { Client } from '../support/http';
import { MODEL_ID, createTempDb, encounterWithConsent, installSyntheticWhisper, startInstance, waitForJob, type Instance, type TempDb } from './recordings-support';

/*
 * /v1/audio/transcriptions served by the local (synthetic) Whisper through
 * the whole pipeline, called with the official openai client; then the
 * hosted transcriber end to end against it: a second workbench configured
 * with ASR_PROVIDER=hosted transcribes an upload through the first one.
 */
// Synthetic Swedish, written for this test.
const SCRIPT = [
  { start: 0, end: 1, text: 'Har du feber?' },
  { start: 1, end: 2.5, text: 'Nej, men jag hostar.' },
];

/** 1 s silence, 2 s of speech-like sound, 3 s silence, 2 s sound: one window for a whole file (regions merge up to 30 s). */
function consultation(): Uint8Array {
  const samples = new Float32Array(8 * 16000);
  samples.set(speechLikeSignal(2, 16000, 1), 16000);
  samples.set(speechLikeSignal(2, 16000, 2), 6 * 16000);
  return encodeWav([samples], 16000, 's16');
}

describe('gateway /v1/audio/transcriptions', () => {
  let db: TempDb;
  let gateway: Instance;
  let key: string;
  let openai: OpenAI;

  beforeAll(async () => {
    db = await createTempDb('sqlite');
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    gateway = await startInstance(db, {});
    const admin = await gateway.deps.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    key = (await createApiKey(gateway.deps, 'test', admin.id)).key;
    openai = new OpenAI({ baseURL: `${gateway.baseUrl}/v1`, apiKey: key, maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  const file = () => toFile(consultation(), 'besok.wav', { type: 'audio/wav' });

  it('answers json, text and verbose_json like OpenAI', async () => {
    const json = await openai.audio.transcriptions.create({ file: await file(), model: MODEL_ID, language: 'sv', response_format: 'json' });
    expect(json.text).toBe('Har du feber? Nej, men jag hostar.');

    const text = await openai.audio.transcriptions.create({ file: await file(), model: MODEL_ID, response_format: 'text' });
    expect(text).toBe(json.text);

    const verbose = await openai.audio.transcriptions.create({ file: await file(), model: MODEL_ID, response_format: 'verbose_json' });
    expect(verbose).toMatchObject({ task: 'transcribe', language: 'sv', text: json.text });
    expect(verbose.duration).toBeCloseTo(8, 3);
    expect(verbose.segments!.map((s) => [s.id, s.text])).toEqual([
      [0, 'Har du feber?'],
      [1, 'Nej, men jag hostar.'],
    ]);
    // Recording time: the window starts at the speech (1 s) less its 0.2 s pad, not at 0.
    expect(verbose.segments![0]!.start).toBeCloseTo(0.8, 1);
    expect(verbose.segments![1]!.start).toBeCloseTo(1.8, 1);
  });

  it('answers errors in the OpenAI shape', async () => {
    const bad = new OpenAI({ baseURL: `${gateway.baseUrl}/v1`, apiKey: 'jv-fel-nyckel', maxRetries: 0 });
    const denied = await bad.audio.transcriptions.create({ file: await file(), model: MODEL_ID }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((denied as InstanceType<typeof OpenAI.AuthenticationError>).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });

    const unknown = await openai.audio.transcriptions.create({ file: await file(), model: 'whisper-1' }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).error).toMatchObject({ code: 'model_not_found' });

    const notAudio = await openai.audio.transcriptions.create({ file: await toFile(new TextEncoder().encode('inte ljud'), 'a.txt'), model: MODEL_ID }).catch((e: unknown) => e);
    expect(notAudio).toBeInstanceOf(OpenAI.APIError);
    expect((notAudio as InstanceType<typeof OpenAI.APIError>).status).toBe(415);
    expect((notAudio as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('WAV, FLAC') });

    const raw = await fetch(`${gateway.baseUrl}/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'file' } });
  });

  it('serves the hosted transcriber, and a workbench configured with ASR_PROVIDER=hosted', async () => {
    const hosted = new HostedTranscriber({ baseUrl: `${gateway.baseUrl}/v1`, apiKey: key, model: MODEL_ID, maxRetries: 0 });
    const window = new Float32Array(3 * 16000);
    window.set(speechLikeSignal(2, 16000, 3), 8000);
    const segments = await hosted.transcribe({ samples: window, sampleRate: 16000 }, { language: 'sv', offsetSeconds: 100 });
    expect(segments.map((s) => s.text)).toEqual(['Har du feber?', 'Nej, men jag hostar.']);
    expect(segments[0]!.start).toBeGreaterThanOrEqual(100);

    const wrongModel = await new HostedTranscriber({ baseUrl: `${gateway.baseUrl}/v1`, apiKey: key, model: 'large-v3', maxRetries: 0 })
      .transcribe({ samples: window, sampleRate: 16000 }, { language: 'sv' })
      .catch((e: unknown) => e);
    expect(wrongModel).toBeInstanceOf(PipelineError);
    expect((wrongModel as PipelineError).code).toBe('hosted_model_not_found');
    const wrongKey = await new HostedTranscriber({ baseUrl: `${gateway.baseUrl}/v1`, apiKey: 'jv-fel', model: MODEL_ID, maxRetries: 0 })
      .transcribe({ samples: window, sampleRate: 16000 }, { language: 'sv' })
      .catch((e: unknown) => e);
    expect((wrongKey as PipelineError).message).toMatch(/fel API-nyckel/);

    const otherDb = await createTempDb('sqlite');
    const workbench = await startInstance(otherDb, { ASR_PROVIDER: 'hosted', ASR_HOSTED_BASE_URL: `${gateway.baseUrl}/v1`, ASR_HOSTED_API_KEY: key, ASR_HOSTED_MODEL: MODEL_ID });
    try {
      const c = new Client(workbench.baseUrl);
      await c.login('lakare1', workbench.passwords.demo!);
      const health = await c.get('/api/v1/health');
      expect(health.body.models.find((m: { purpose: string }) => m.purpose === 'asr')).toMatchObject({ state: 'remote', modelId: MODEL_ID });
      const encounterId = await encounterWithConsent(c);
      const res = await c.request('POST', `/api/v1/encounters/${encounterId}/uploads`, consultation(), { 'content-type': 'audio/wav' });
      const job = await waitForJob(c, res.body.job.id);
      expect(job.status, job.error ?? '').toBe('succeeded');
      const transcript = (await c.get(`/api/v1/transcripts/${job.result.transcriptId}`)).body.transcript;
      expect(transcript.producer.transcriberId).toBe(`hosted:${MODEL_ID}`);
      expect(transcript.segments.map((s: { id: string; text: string }) => `${s.id} ${s.text}`)).toEqual([
        's1 Har du feber?',
        's2 Nej, men jag hostar.',
      ]);
    } finally {
      await workbench.stop();
      await otherDb.drop();
    }
  });
});
