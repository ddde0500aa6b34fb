import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavHeader } from '../../server/pipeline/audio/wav';
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
 * The capture protocol end to end on the real app: chunks are durable before
 * they are acknowledged, re-sends are idempotent, a server restart loses
 * nothing, and the assembled audio is exactly what was sent. The transcript
 * comes from a synthetic Whisper through the real transformers.js runtime.
 */
const pg = await postgresAvailable();
const RATE = 16000;
// Synthetic Swedish, written for this test: what the scripted model "hears" in every window.
const SCRIPT = [
  { start: 0, end: 1, text: 'Hur mår du?' },
  { start: 1, end: 2, text: 'Bra tack.' },
];

/** 2 s silence, 6 s speech-like sound, 2 s silence, 6 s speech-like sound: two windows for the live windower. */
function consultation(): Float32Array {
  const speech = speechLikeSignal(6, RATE, 1);
  const gap = new Float32Array(2 * RATE);
  const out = new Float32Array(2 * gap.length + 2 * speech.length);
  out.set(gap, 0);
  out.set(speech, gap.length);
  out.set(gap, gap.length + speech.length);
  out.set(speech, 2 * gap.length + speech.length);
  return out;
}

const knownPassword = (username: string) => `Testlösen-Åäö-${username.length}-987`;

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('recordings on $kind', ({ kind, skip }) => {
  let db: TempDb;
  let server: Instance;
  let demoPassword: string;

  beforeAll(async () => {
    if (skip) return;
    db = await createTempDb(kind);
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    const started = await startInstance(db, {});
    server = started;
    demoPassword = started.passwords.demo!;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const changed = new Set<string>();
  /** Logs in; the first login of a user changes the one-time password to the helper's known one. */
  async function clinician(username = 'lakare1'): Promise<Client> {
    const client = new Client(server.baseUrl);
    await client.login(username, changed.has(username) ? knownPassword(username) : demoPassword);
    changed.add(username);
    return client;
  }

  it.skipIf(skip)('refuses to record before consent, and keeps encounters private', async () => {
    const c = await clinician();
    const created = await c.post('/api/v1/encounters', { label: 'Utan samtycke' });
    const early = await c.post(`/api/v1/encounters/${created.body.encounter.id}/recordings`, { sampleRate: 16000, channels: 1 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('consent_required');
    const upload = await c.request('POST', `/api/v1/encounters/${created.body.encounter.id}/uploads`, new Uint8Array(100), { 'content-type': 'audio/wav' });
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe('consent_required');

    const encounterId = await encounterWithConsent(c);
    const rec = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    expect(rec.status).toBe(201);
    const other = await clinician('lakare2');
    expect((await other.get(`/api/v1/recordings/${rec.body.recording.id}`)).status).toBe(403);
    expect((await putChunk(other, rec.body.recording.id, 0, new Uint8Array(4))).status).toBe(403);
    const wrongRate = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 44100, channels: 1 });
    expect(wrongRate.status).toBe(400);
    expect(wrongRate.body.errors[0].field).toBe('body.sampleRate');
  });

  it.skipIf(skip)('acknowledges chunks idempotently and refuses conflicting or damaged ones', async () => {
    const c = await clinician();
    const encounterId = await encounterWithConsent(c);
    const { body } = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    const id = body.recording.id as string;
    const chunk = pcm16(speechLikeSignal(0.5, RATE, 3));

    const first = await putChunk(c, id, 0, chunk);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ seq: 0, acknowledged: true });
    const again = await putChunk(c, id, 0, chunk);
    expect(again.status).toBe(200);
    const different = chunk.slice();
    different[10] = different[10]! ^ 0xff;
    const conflict = await putChunk(c, id, 0, different);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('chunk_conflict');

    const damaged = await putChunk(c, id, 1, different, sha256(chunk));
    expect(damaged.status).toBe(422);
    expect(damaged.body.code).toBe('chunk_hash_mismatch');
    const noHeader = await c.request('PUT', `/api/v1/recordings/${id}/chunks/1`, chunk, { 'content-type': 'application/octet-stream' });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.errors[0].field).toBe('headers.x-chunk-sha256');
    const wrongType = await c.request('PUT', `/api/v1/recordings/${id}/chunks/1`, chunk, { 'content-type': 'audio/wav', 'x-chunk-sha256': sha256(chunk) });
    expect(wrongType.status).toBe(415);
    const odd = chunk.slice(0, 3);
    expect((await putChunk(c, id, 1, odd)).body.code).toBe('bad_chunk');

    const state = await c.get(`/api/v1/recordings/${id}`);
    expect(state.body).toMatchObject({ status: 'recording', received: [0], missing: [] });
    // The stored chunk is the first body, not the conflicting one.
    const stored = await server.deps.db.prisma.recordingChunk.findUniqueOrThrow({ where: { recordingId_seq: { recordingId: id, seq: 0 } } });
    expect(stored.sha256).toBe(sha256(chunk));
    const audit = await server.deps.db.prisma.auditEvent.count({ where: { action: 'recording.chunk', encounterId } });
    expect(audit).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(skip)('resumes after a server restart and assembles exactly the audio that was sent', async () => {
    let c = await clinician();
    const encounterId = await encounterWithConsent(c);
    const { body } = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    const id = body.recording.id as string;
    const pcm = pcm16(consultation());
    const chunks = splitChunks(pcm, 4 * RATE * 2); // 4 s chunks: 0, 1, 2, 3
    expect(chunks).toHaveLength(4);

    // Chunk 1 is "lost" on the way; 0 and 2 arrive.
    expect((await putChunk(c, id, 0, chunks[0]!)).status).toBe(200);
    expect((await putChunk(c, id, 2, chunks[2]!)).status).toBe(200);
    expect((await c.get(`/api/v1/recordings/${id}`)).body).toMatchObject({ received: [0, 2], missing: [1] });

    // The server stops (deploy, crash) and starts again on the same data folder, database and port.
    const port = server.port;
    await server.stop();
    server = await startInstance(db, {}, port);
    c = await clinician();

    const after = await c.get(`/api/v1/recordings/${id}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'recording', received: [0, 2], missing: [1] });
    const whole = sha256(pcm);
    const early = await c.post(`/api/v1/recordings/${id}/complete`, { chunkCount: 4, sha256: whole });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('chunks_missing');
    expect(early.body.detail).toContain('1, 3');
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['chunks.1', 'chunks.3']);

    expect((await putChunk(c, id, 1, chunks[1]!)).status).toBe(200);
    expect((await putChunk(c, id, 3, chunks[3]!)).status).toBe(200);
    const wrongHash = await c.post(`/api/v1/recordings/${id}/complete`, { chunkCount: 4, sha256: sha256(chunks[0]!) });
    expect(wrongHash.status).toBe(409);
    expect(wrongHash.body.code).toBe('hash_mismatch');

    const done = await c.post(`/api/v1/recordings/${id}/complete`, { chunkCount: 4, sha256: whole });
    expect(done.status).toBe(202);
    expect(done.headers.get('location')).toBe(`/api/v1/jobs/${done.body.job.id}`);
    expect(done.body.recording).toMatchObject({ status: 'complete', sha256: whole, durationSeconds: pcm.length / 2 / RATE });
    // Completing twice is harmless: same job.
    const twice = await c.post(`/api/v1/recordings/${id}/complete`, { chunkCount: 4, sha256: whole });
    expect(twice.status).toBe(202);
    expect(twice.body.job.id).toBe(done.body.job.id);

    const row = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id } });
    const wav = (await readStoredWav(server.deps, row.storageKey!))!;
    const header = readWavHeader(wav);
    expect(header).toMatchObject({ encoding: 'int', bitsPerSample: 16, channels: 1, sampleRate: RATE, frames: pcm.length / 2 });
    expect(Buffer.compare(Buffer.from(wav.subarray(header.dataOffset)), Buffer.from(pcm))).toBe(0); // sample for sample
    const encounter = await server.deps.db.prisma.encounter.findUniqueOrThrow({ where: { id: encounterId } });
    expect(encounter.consultationEndedAt).not.toBeNull();

    const job = await waitForJob(c, done.body.job.id);
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result.windows).toBe(2);
    const transcripts = await c.get(`/api/v1/encounters/${encounterId}/transcripts`);
    const transcript = transcripts.body.transcripts[0];
    expect(transcript).toMatchObject({ source: 'asr', recordingId: id, language: 'sv', producer: { transcriberId: 'local:synthetic-whisper-sv', modelId: 'synthetic-whisper-sv' } });
    expect(transcript.segments.map((s: { id: string; text: string }) => `${s.id} ${s.text}`)).toEqual(['s1 Hur mår du?', 's2 Bra tack.', 's3 Hur mår du?', 's4 Bra tack.']);
    // Window times are recording times: the second window starts after the 2 s pause.
    expect(transcript.segments[0].start).toBeGreaterThanOrEqual(1.5);
    expect(transcript.segments[2].start).toBeGreaterThanOrEqual(9.5);
    const audits = await server.deps.db.prisma.auditEvent.findMany({ where: { encounterId, action: 'recording.complete' } });
    expect(audits.map((a) => a.outcome)).toEqual(expect.arrayContaining(['error', 'success']));
  });
});
