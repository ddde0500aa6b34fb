import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { createSession } from '../../server/modules/auth/sessions';
import { purgeEncounterAudio } from '../../server/modules/recordings/retention';
import { startAppOn } from '../support/app';
import { Client } from '../support/http';
import { openEvents } from '../support/sse';
import { MODEL_ID, createTempDb, encounterWithConsent, installSyntheticWhisper, startInstance, waitForJob, type Instance, type TempDb } from './recordings-support';

/*
 * No Whisper in MODELS_DIR: the server still starts, says which model is
 * missing and how to install it; an upload is stored and its transcription
 * waits ("Väntar på taligenkänningsmodell", one Swedish sentence, no server
 * path) and runs by itself once the model is installed, without a restart;
 * text-only encounters (a pasted transcript) work meanwhile.
 */
// Synthetic Swedish, written for this test.
const SCRIPT = [{ start: 0, end: 1.5, text: 'Ont i magen sedan i går.' }];
/** A fresh SQLite database and a server on it for one describe block, with lakare1 signed in. */
function serverFor(start: (db: TempDb) => Promise<Instance>) {
  const t = {} as { db: TempDb; server: Instance; c: Client };
  beforeAll(async () => {
    t.db = await createTempDb('sqlite');
    t.server = await start(t.db);
    t.c = new Client(t.server.baseUrl);
    await t.c.login('lakare1', t.server.passwords.demo);
  });
  afterAll(async () => {
    await t.server?.stop();
    await t.db?.drop();
  });
  return t;
}

describe('transcription without a model', () => {
  // Retried every second here (30 s by default), so the test sees the model arrive quickly.
  const t = serverFor((db) => startInstance(db, { JOB_WAITING_RETRY_SECONDS: '1' }));

  it('health names the missing ASR model and how to install it; VAD is ready', async () => {
    const { c } = t;
    const health = await c.get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    const asr = health.body.models.find((m: { purpose: string }) => m.purpose === 'asr');
    expect(asr).toMatchObject({ modelId: MODEL_ID, state: 'missing' });
    expect(asr.howToInstall).toContain(`npm run models -- pull ${MODEL_ID}`);
    expect(asr.path).toContain(MODEL_ID);
    expect(health.body.models.find((m: { purpose: string }) => m.purpose === 'vad')).toMatchObject({ modelId: 'silero-vad-v5', state: 'ready' });
  });

  it('audio deleted (signed note) ends its waiting transcription as cancelled, not as a failure', async () => {
    const { c, server } = t;
    const encounterId = await encounterWithConsent(c);
    const res = await c.request('POST', `/api/v1/encounters/${encounterId}/uploads`, encodeWav([speechLikeSignal(1, 16000, 2)], 16000, 's16'), { 'content-type': 'audio/wav' });
    expect((await waitForJob(c, res.body.job.id)).status).toBe('waiting');
    await purgeEncounterAudio(server.deps, encounterId, 'signed');
    // past a retry (every second here): still cancelled, no error and no "Väntar på …" left
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await c.get(`/api/v1/jobs/${res.body.job.id}`)).body).toMatchObject({ status: 'cancelled', error: null, progressNote: null });
  });

  it('keeps the upload waiting for the model, transcribes it once the model is installed, and pasted transcripts work meanwhile', async () => {
    const { c, db } = t;
    const encounterId = await encounterWithConsent(c);
    const samples = new Float32Array(4 * 16000);
    samples.set(speechLikeSignal(2, 16000, 1), 16000);
    const res = await c.request('POST', `/api/v1/encounters/${encounterId}/uploads`, encodeWav([samples], 16000, 's16'), { 'content-type': 'audio/wav' });
    expect(res.status).toBe(202);
    const waiting = await waitForJob(c, res.body.job.id);
    expect(waiting).toMatchObject({ status: 'waiting', error: null });
    expect(waiting.progressNote).toBe('Väntar på taligenkänningsmodell: ljudet är sparat och transkriberas automatiskt när modellen är installerad.');
    // one Swedish sentence: no server paths (issue #12), no install command
    expect(waiting.progressNote).not.toMatch(/[/\\]|npm run|synthetic/);
    // The encounter's list names it as waiting, so a reloaded page can say so.
    const listed = async () => (await c.get(`/api/v1/encounters/${encounterId}/recordings`)).body.recordings.map((r: { id: string; state: string }) => [r.id, r.state]);
    expect(await listed()).toEqual([[res.body.recording.id, 'waiting']]);
    // Retried and still waiting while nothing changed.
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await c.get(`/api/v1/jobs/${res.body.job.id}`)).body.status).toBe('waiting');

    // Synthetic Swedish, written for this test.
    const pasted = await c.post(`/api/v1/encounters/${encounterId}/transcripts`, { text: 'Läkare: Hur har du sovit?\nPatient: Dåligt, jag vaknar ofta.' });
    expect(pasted.status).toBe(201);
    expect(pasted.body.transcript.segments.map((s: { speaker: string }) => s.speaker)).toEqual(['Läkare', 'Patient']);

    // The operator installs the model; the same server picks the waiting job up.
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    let job = waiting;
    for (const until = Date.now() + 60_000; job.status !== 'succeeded' && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 200));
      job = (await c.get(`/api/v1/jobs/${res.body.job.id}`)).body;
      expect(job.status).not.toBe('failed');
    }
    expect(job.status).toBe('succeeded');
    const transcript = (await c.get(`/api/v1/transcripts/${job.result.transcriptId}`)).body.transcript;
    expect(await listed()).toEqual([[res.body.recording.id, 'transcribed']]);
    expect(transcript.segments.map((s: { text: string }) => s.text).join(' ')).toContain('Ont i magen sedan i går.');
  }, 90_000);
});

/*
 * Before any worker has looked at the job (here: no workers at all, so it
 * stays queued), the server already says the audio waits for the speech
 * model, in the encounter's list and in the live events, and says
 * "transcribing" again as soon as the model is there.
 */
describe('a queued transcription while the model is missing', () => {
  const t = serverFor((db) => startAppOn(db, { env: { ASR_MODEL: MODEL_ID, ASR_DTYPE: 'fp32' }, workers: false }));

  it('is called waiting in the list and the live status, not transcribing', async () => {
    const { c, server, db } = t;
    const encounterId = await encounterWithConsent(c);
    const res = await c.request('POST', `/api/v1/encounters/${encounterId}/uploads`, encodeWav([speechLikeSignal(1, 16000, 2)], 16000, 's16'), { 'content-type': 'audio/wav' });
    expect(res.status).toBe(202);
    expect((await c.get(`/api/v1/jobs/${res.body.job.id}`)).body.status).toBe('queued');
    const listed = async () => (await c.get(`/api/v1/encounters/${encounterId}/recordings`)).body.recordings.map((r: { state: string }) => r.state);
    expect(await listed()).toEqual(['waiting']);

    const user = await server.deps.db.prisma.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
    const cookie = `jv_session=${(await createSession(server.deps, user.id)).token}`;
    const stream = openEvents(server.baseUrl, `/api/v1/recordings/${res.body.recording.id}/events`, cookie);
    // a waiting job is followed through /jobs/:id, so the stream ends after saying so
    await stream.done;
    expect(stream.events.filter((e) => e.event === 'status').map((e) => e.data.state)).toEqual(['waiting']);

    await installSyntheticWhisper(db, [{ segments: [{ start: 0, end: 1, text: 'Hej.' }] }]);
    expect(await listed()).toEqual(['transcribing']);
  });
});
