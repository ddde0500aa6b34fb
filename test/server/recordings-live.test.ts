import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { speechLikeSignal } from '../support/audio/signals';
import { postgresAvailable } from '../support/db';
import { Client } from '../support/http';
import { openEvents, until } from '../support/sse';
import {
  createTempDb,
  encounterWithConsent,
  installSyntheticWhisper,
  pcm16,
  putChunk,
  sha256,
  splitChunks,
  startInstance,
  waitForJob,
  type Instance,
  type TempDb,
} from './recordings-support';

/*
 * The live transcript: while chunks arrive, finished windows are transcribed
 * by `transcribe.window` jobs and streamed as Server-Sent Events; after stop
 * only the tail window is left for the final job.
 */
const pg = await postgresAvailable();
const RATE = 16000;
// Synthetic Swedish, written for this test.
const SCRIPT = [{ start: 0, end: 2, text: 'Jag har haft ont i ryggen sedan i måndags.' }];

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('live transcript on $kind', ({ kind, skip }) => {
  let db: TempDb;
  let server: Instance;
  let client: Client;
  let cookie = '';

  beforeAll(async () => {
    if (skip) return;
    db = await createTempDb(kind);
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    const started = await startInstance(db, {});
    server = started;
    client = new Client(server.baseUrl);
    await client.login('lakare1', started.passwords.demo!);
    // The raw SSE request below carries a session of the same user, as a browser's EventSource would.
    const user = await server.deps.db.prisma.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
    cookie = `jv_session=${(await createSession(server.deps, user.id)).token}`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it.skipIf(skip)('streams window segments while recording, then the finished transcript', async () => {
    const encounterId = await encounterWithConsent(client);
    const { body } = await client.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    const id = body.recording.id as string;
    const stream = openEvents(server.baseUrl, `/api/v1/recordings/${id}/events`, cookie);

    // 2 s silence, 6 s speech, 3 s silence, 4 s speech: the 3 s pause closes the first window mid-recording.
    const samples = new Float32Array(15 * RATE);
    samples.set(speechLikeSignal(6, RATE, 2), 2 * RATE);
    samples.set(speechLikeSignal(4, RATE, 4), 11 * RATE);
    const pcm = pcm16(samples);
    const chunks = splitChunks(pcm, RATE * 2); // 1 s chunks, as a recorder sending often would
    for (const [seq, chunk] of chunks.slice(0, 11).entries()) expect((await putChunk(client, id, seq, chunk)).status).toBe(200);

    await until(() => stream.events.some((e) => e.event === 'segment'), 30_000, 'a live segment');
    const live = stream.events.filter((e) => e.event === 'segment');
    expect(live[0]).toMatchObject({ id: 'w0', data: { window: 0, text: SCRIPT[0]!.text, speaker: null } });
    expect(live[0]!.data.start).toBeGreaterThanOrEqual(1.5);
    expect(stream.events.find((e) => e.event === 'status')?.data.state).toBe('recording');

    for (const [i, chunk] of chunks.slice(11).entries()) expect((await putChunk(client, id, 11 + i, chunk)).status).toBe(200);
    const done = await client.post(`/api/v1/recordings/${id}/complete`, { chunkCount: chunks.length, sha256: sha256(pcm) });
    expect(done.status).toBe(202);
    await stream.done; // the server ends the stream once the transcript exists

    const segments = stream.events.filter((e) => e.event === 'segment').map((e) => e.data);
    expect(segments.map((s) => s.window)).toEqual([0, 1]);
    expect(segments[1].start).toBeGreaterThanOrEqual(10.5);
    const last = stream.events.at(-1)!;
    expect(last.event).toBe('status');
    expect(last.data).toMatchObject({ state: 'transcribed', recording: 'complete', windows: { total: 2, done: 2 } });

    const job = await waitForJob(client, done.body.job.id);
    expect(job.status, job.error ?? '').toBe('succeeded');
    // Only the tail window was left to transcribe after stop.
    expect(job.result).toMatchObject({ windows: 2, reusedWindows: 1, transcriptId: last.data.transcriptId });
    const transcript = await client.get(`/api/v1/transcripts/${last.data.transcriptId}`);
    expect(transcript.body.transcript.segments.map((s: { id: string }) => s.id)).toEqual(['s1', 's2']);

    // A reconnecting EventSource sends Last-Event-ID and gets only what came after.
    const resumed = openEvents(server.baseUrl, `/api/v1/recordings/${id}/events`, cookie, 'w0');
    await resumed.done;
    expect(resumed.events.filter((e) => e.event === 'segment').map((e) => e.data.window)).toEqual([1]);
    const reads = await server.deps.db.prisma.auditEvent.count({ where: { encounterId, action: 'recording.events', kind: 'read', outcome: 'success' } });
    expect(reads).toBe(2);
  });
});
