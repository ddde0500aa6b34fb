import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { Client } from '../support/http';
import { MODEL_ID, createTempDb, encounterWithConsent, startInstance, waitForJob, type Instance, type TempDb } from './recordings-support';

/*
 * No Whisper in MODELS_DIR: the server still starts, says which model is
 * missing and how to install it, fails transcription jobs with that message,
 * and text-only encounters (a pasted transcript) work as before.
 */
describe('transcription without a model', () => {
  let db: TempDb;
  let server: Instance;
  let c: Client;

  beforeAll(async () => {
    db = await createTempDb('sqlite');
    const started = await startInstance(db, {});
    server = started;
    c = new Client(server.baseUrl);
    await c.login('lakare1', started.passwords.demo!);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('health names the missing ASR model and how to install it; VAD is ready', async () => {
    const health = await c.get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    const asr = health.body.models.find((m: { purpose: string }) => m.purpose === 'asr');
    expect(asr).toMatchObject({ modelId: MODEL_ID, state: 'missing' });
    expect(asr.howToInstall).toContain(`npm run models -- pull ${MODEL_ID}`);
    expect(asr.path).toContain(MODEL_ID);
    expect(health.body.models.find((m: { purpose: string }) => m.purpose === 'vad')).toMatchObject({ modelId: 'silero-vad-v5', state: 'ready' });
  });

  it('fails the transcription job with a clear Swedish message, and pasted transcripts still work', async () => {
    const encounterId = await encounterWithConsent(c);
    const samples = new Float32Array(4 * 16000);
    samples.set(speechLikeSignal(2, 16000, 1), 16000);
    const res = await c.request('POST', `/api/v1/encounters/${encounterId}/uploads`, encodeWav([samples], 16000, 's16'), { 'content-type': 'audio/wav' });
    expect(res.status).toBe(202);
    const job = await waitForJob(c, res.body.job.id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(new RegExp(`^model_missing: Modellen ${MODEL_ID} saknas`));
    expect(job.error).toContain(`npm run models -- pull ${MODEL_ID}`);
    expect(job.error).not.toMatch(/\/(tmp|home|var|srv|opt)\//); // no server paths (issue #12 row 11)

    // Synthetic Swedish, written for this test.
    const pasted = await c.post(`/api/v1/encounters/${encounterId}/transcripts`, { text: 'Läkare: Hur har du sovit?\nPatient: Dåligt, jag vaknar ofta.' });
    expect(pasted.status).toBe(201);
    expect(pasted.body.transcript.segments.map((s: { speaker: string }) => s.speaker)).toEqual(['Läkare', 'Patient']);
  });
});
