import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { postgresAvailable } from '../support/db';
import type { Client } from '../support/http';
import { encounterWithEverything, ROLE_USERS, signedIn } from '../support/world';
import { encounterWithConsent, putChunk } from './recordings-support';

/**
 * Issue #12, recordings: chunked recordings obey the file upload's size and
 * duration limits as chunks arrive, also when they arrive all at once
 * (row 5 and the chunk concurrency test); no audio is taken in for a signed
 * encounter (row 9). On SQLite and PostgreSQL.
 */
const pg = await postgresAvailable();
const CHUNK = 480_000; // 15 s of 16 kHz 16-bit mono: four fill the one-minute limit
const MINUTE = 60 * 16_000 * 2;

/** Near-silent PCM, different for each seed. */
const noise = (bytes: number, seed: number) => {
  const out = new Uint8Array(bytes);
  out[0] = seed & 0xff;
  out[1] = (seed >> 8) & 0xff;
  return out;
};

async function newRecording(c: Client): Promise<string> {
  const encounterId = await encounterWithConsent(c);
  const res = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
  expect(res.status).toBe(201);
  return res.body.recording.id;
}

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('recording limits on $kind', ({ kind, skip }) => {
  let server: TestServer;
  let clinician: Client;
  beforeAll(async () => {
    if (skip) return;
    // One minute of audio, so the limit is reached in four chunks.
    server = await startTestServer({ db: kind, workers: false, env: { AUDIO_MAX_MINUTES: '1' } });
    clinician = await signedIn(server.deps, server.baseUrl, ROLE_USERS.clinician);
  });
  afterAll(async () => server?.close());
  const stored = async (id: string) => {
    const rows = await server.deps.db.prisma.recordingChunk.findMany({ where: { recordingId: id } });
    const recording = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id } });
    return { rows: rows.length, bytes: rows.reduce((n, r) => n + r.bytes, 0), reserved: Number(recording.receivedBytes) };
  };

  it.skipIf(skip)('row 5: chunks past AUDIO_MAX_MINUTES are refused with 413 naming the limit; the recording still completes', async () => {
    const id = await newRecording(clinician);
    const chunks: Uint8Array[] = [];
    for (let seq = 0; seq < 4; seq++) {
      chunks.push(noise(CHUNK, seq));
      expect((await putChunk(clinician, id, seq, chunks[seq]!)).status).toBe(200);
    }
    const over = await putChunk(clinician, id, 4, noise(2, 4));
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ code: 'too_long', errors: [{ field: 'body' }] });
    expect(over.body.detail).toContain('1 minuter (AUDIO_MAX_MINUTES)');
    // A repeat of an acknowledged chunk is still acknowledged (a client resuming after a drop).
    expect((await putChunk(clinician, id, 3, chunks[3]!)).status).toBe(200);
    expect(await stored(id)).toEqual({ rows: 4, bytes: MINUTE, reserved: MINUTE });
    const sha = crypto.createHash('sha256');
    for (const c of chunks) sha.update(c);
    const done = await clinician.post(`/api/v1/recordings/${id}/complete`, { chunkCount: 4, sha256: sha.digest('hex') });
    expect(done.status).toBe(202);
    expect(done.body.recording.durationSeconds).toBe(60);
  });

  it.skipIf(skip)('concurrency: 10 chunks sent at once, the limit holds exactly; repeats and conflicts of one seq at once leave one row', async () => {
    const id = await newRecording(clinician);
    const results = await Promise.all(Array.from({ length: 10 }, (_, seq) => putChunk(clinician, id, seq, noise(CHUNK, 100 + seq))));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBe(4);
    expect(statuses.filter((s) => s === 413).length).toBe(6);
    expect(await stored(id)).toEqual({ rows: 4, bytes: MINUTE, reserved: MINUTE });

    const other = await newRecording(clinician);
    const same = noise(CHUNK, 7);
    const repeats = await Promise.all(Array.from({ length: 8 }, () => putChunk(clinician, other, 0, same)));
    expect(repeats.map((r) => r.status)).toEqual(Array(8).fill(200));
    const rivals = await Promise.all(Array.from({ length: 8 }, (_, i) => putChunk(clinician, other, 1, noise(CHUNK, 1000 + i))));
    expect(rivals.filter((r) => r.status === 200).length).toBe(1);
    expect(rivals.filter((r) => r.status === 409).every((r) => r.body.code === 'chunk_conflict')).toBe(true);
    expect(rivals.filter((r) => r.status === 409).length).toBe(7);
    expect(await stored(other)).toEqual({ rows: 2, bytes: 2 * CHUNK, reserved: 2 * CHUNK });
  });

  it.skipIf(skip)('row 5: UPLOAD_MAX_MB bounds a chunked recording too, when it is the smaller limit', async () => {
    const small = await startTestServer({ db: kind, workers: false, env: { UPLOAD_MAX_MB: '1' } });
    try {
      const c = await signedIn(small.deps, small.baseUrl, ROLE_USERS.clinician);
      const id = await newRecording(c);
      for (let seq = 0; seq < 2; seq++) expect((await putChunk(c, id, seq, noise(524_288, seq))).status).toBe(200);
      const over = await putChunk(c, id, 2, noise(2, 2));
      expect(over.status).toBe(413);
      expect(over.body.code).toBe('too_large');
      expect(over.body.detail).toContain('1 MB (UPLOAD_MAX_MB)');
    } finally {
      await small.close();
    }
  });

  it.skipIf(skip)('row 9: a signed encounter takes no new audio (409), and its open recording was deleted at signing', async () => {
    const data = await encounterWithEverything(clinician);
    const start = await clinician.post(`/api/v1/encounters/${data.encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('encounter_signed');
    const upload = await clinician.request('POST', `/api/v1/encounters/${data.encounterId}/uploads`, noise(1000, 1), { 'content-type': 'audio/wav' });
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe('encounter_signed');
    const chunk = await putChunk(clinician, data.recordingId, 0, noise(CHUNK, 1));
    expect(chunk.status).toBe(409);
    const recording = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id: data.recordingId } });
    expect(recording).toMatchObject({ status: 'deleted', deleteReason: 'signed' });
    expect(await server.deps.db.prisma.recording.count({ where: { encounterId: data.encounterId } })).toBe(1);
  });
});
