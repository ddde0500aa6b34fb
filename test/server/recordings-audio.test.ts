import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { purgeEncounterAudio } from '../../server/modules/recordings/retention';
import { speechLikeSignal } from '../support/audio/signals';
import { postgresAvailable } from '../support/db';
import { Client } from '../support/http';
import {
  createTempDb,
  encounterWithConsent,
  installSyntheticWhisper,
  pcm16,
  putChunk,
  readStoredWav,
  sha256,
  splitChunks,
  startInstance,
  waitForJob,
  type Instance,
  type TempDb,
} from './recordings-support';

/*
 * Playing a recording back for review: the stored WAV with Range requests
 * (what <audio> needs to seek), only for the encounter's clinician, each
 * fetch in the access log, 410 once the audio is deleted. And the timing
 * totals of a recorded encounter, which count from the recorder's stop.
 * Runs on both storage backends: the filesystem (SQLite default) and the
 * database (PostgreSQL default, no shared disk), where the Range answers are
 * cut from the stored parts.
 */
const pg = await postgresAvailable();
const RATE = 16000;
// Synthetic Swedish, written for this test.
const SCRIPT = [{ start: 0, end: 2, text: 'Jag har haft ont i halsen i tre dagar och feber sedan i går.' }];

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('recording audio for review on $kind', ({ kind, skip }) => {
  let db: TempDb;
  let server: Instance;
  let c: Client;
  let other: Client;

  beforeAll(async () => {
    if (skip) return;
    db = await createTempDb(kind);
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    const started = await startInstance(db, {});
    server = started;
    c = new Client(server.baseUrl);
    await c.login('lakare1', started.passwords.demo!);
    other = new Client(server.baseUrl);
    await other.login('lakare2', started.passwords.demo!);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** A browser-style recording of `seconds` of speech-like sound, started (and optionally completed). */
  async function record(encounterId: string, seconds: number, complete = true) {
    const { body } = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: RATE, channels: 1 });
    const pcm = pcm16(speechLikeSignal(seconds, RATE, 3));
    const chunks = splitChunks(pcm, RATE * 2);
    for (const [seq, chunk] of chunks.entries()) expect((await putChunk(c, body.recording.id, seq, chunk)).status).toBe(200);
    if (!complete) return { id: body.recording.id as string, jobId: null };
    const done = await c.post(`/api/v1/recordings/${body.recording.id}/complete`, { chunkCount: chunks.length, sha256: sha256(pcm) });
    expect(done.status).toBe(202);
    return { id: body.recording.id as string, jobId: done.body.job.id as string };
  }

  /** Raw bytes need fetch itself (the test client reads bodies as text); a session of the same clinician. */
  async function fetchBytes(id: string, headers: Record<string, string> = {}) {
    const user = await server.deps.db.prisma.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
    const { token } = await createSession(server.deps, user.id);
    return fetch(`${server.baseUrl}/api/v1/recordings/${id}/audio`, { headers: { cookie: `jv_session=${token}`, ...headers } });
  }

  const audio = (client: Client, id: string, range?: string) => client.request('GET', `/api/v1/recordings/${id}/audio`, undefined, range ? { range } : {});
  const auditRows = (action: string, encounterId: string, outcome: string) => server.deps.db.prisma.auditEvent.count({ where: { action, encounterId, outcome } });

  it.skipIf(skip)('serves the WAV whole and by range, only to the encounter clinician, and each read is logged', async () => {
    const encounterId = await encounterWithConsent(c);
    const open = await record(encounterId, 2, false);
    const early = await audio(c, open.id);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('recording_in_progress');

    const { id } = await record(encounterId, 3);
    const row = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id } });
    const stored = (await readStoredWav(server.deps, row.storageKey!))!;

    const whole = await fetchBytes(id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toMatch(/^audio\/wav/);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(stored))).toBe(true);

    const part = await fetchBytes(id, { range: 'bytes=44-1043' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-1043/${stored.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.from(stored.subarray(44, 1044)))).toBe(true);

    const beyond = await audio(c, id, `bytes=${stored.length + 10}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${stored.length}`);

    expect((await audio(other, id)).status).toBe(403);
    expect(await auditRows('recording.audio_read', encounterId, 'denied')).toBe(1);
    expect(await auditRows('recording.audio_read', encounterId, 'success')).toBe(2);
  });

  it.skipIf(skip)('answers 410 Gone once retention deleted the audio', async () => {
    const encounterId = await encounterWithConsent(c);
    const { id } = await record(encounterId, 1);
    await purgeEncounterAudio(server.deps, encounterId, 'retention');
    const gone = await audio(c, id);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ code: 'audio_deleted', detail: 'Ljudet är raderat (signerad anteckning eller lagringstid passerad).' });
  });

  it.skipIf(skip)('a recorded encounter: timing counts from the recorder stop, and signing makes the audio 410', async () => {
    const encounterId = await encounterWithConsent(c);
    const startedAt = new Date(Date.now() - 5 * 60_000);
    const stoppedAt = new Date(Date.now() - 60_000);
    const { id, jobId } = await record(encounterId, 3);
    // What the browser recorder reports: when the microphone opened and when the clinician pressed stop.
    const events = await c.post(`/api/v1/encounters/${encounterId}/time-events`, {
      events: [
        { kind: 'recording_started', at: startedAt.toISOString() },
        { kind: 'recording_stopped', at: stoppedAt.toISOString() },
      ],
    });
    expect(events.status).toBe(200);
    const job = await waitForJob(c, jobId!);
    expect(job.status, job.error ?? '').toBe('succeeded');
    const drafting = await c.post(`/api/v1/encounters/${encounterId}/drafts`, { drafter: 'extractive', transcriptId: job.result.transcriptId });
    expect(drafting.status).toBe(202);
    expect((await waitForJob(c, drafting.body.jobId)).status).toBe('succeeded');
    await c.post(`/api/v1/encounters/${encounterId}/time-events`, { events: [{ kind: 'active_editing', at: new Date().toISOString(), valueMs: 7_000, draftId: drafting.body.draftId }] });

    const signed = await c.post(`/api/v1/drafts/${drafting.body.draftId}/sign`, {});
    expect(signed.status).toBe(201);
    // The server's own consultationEndedAt (set at completion, after the stop) must not replace the recorder's stop.
    expect(signed.body.timing).toEqual({ activeEditingMs: 7_000, totalMs: Date.parse(signed.body.note.signedAt) - stoppedAt.getTime(), from: 'recording_stopped' });

    const gone = await audio(c, id);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('audio_deleted');
    expect(await auditRows('recording.audio_read', encounterId, 'error')).toBe(1);
  });
});
