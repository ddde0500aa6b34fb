import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeEncounterAudio } from '../../server/modules/recordings/retention';
import { speechLikeSignal } from '../support/audio/signals';
import { postgresAvailable } from '../support/db';
import { Client } from '../support/http';
import { audioFilesOnDisk, createTempDb, encounterWithConsent, pcm16, putChunk, sha256, splitChunks, startInstance, waitForJob, type Instance, type TempDb } from './recordings-support';

/*
 * Retention: audio goes at signing or after AUDIO_RETENTION_HOURS, whichever
 * comes first, with an access-log row by the system; transcripts are cleared
 * after TRANSCRIPT_RETENTION_DAYS. The sweeps run in the hourly
 * maintenance.retention job. The same on both storage backends: files on
 * disk (SQLite default) and files in the database (PostgreSQL default).
 */
const pg = await postgresAvailable();
const HOUR = 3_600_000;

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('retention on $kind', ({ kind, skip }) => {
  let db: TempDb;
  let server: Instance;
  let c: Client;

  beforeAll(async () => {
    if (skip) return;
    db = await createTempDb(kind);
    const started = await startInstance(db, { AUDIO_RETENTION_HOURS: '24', TRANSCRIPT_RETENTION_DAYS: '30' });
    server = started;
    c = new Client(server.baseUrl);
    await c.login('lakare1', started.passwords.demo!);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const stored = async (key: string) => (await server.deps.files.audio.size(key)) !== null;

  /** A completed two-chunk recording; returns its id and its WAV's storage key. */
  async function recorded(encounterId: string) {
    const { body } = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    const pcm = pcm16(speechLikeSignal(1, 16000, 9));
    const chunks = splitChunks(pcm, 16000);
    for (const [seq, chunk] of chunks.entries()) await putChunk(c, body.recording.id, seq, chunk);
    const done = await c.post(`/api/v1/recordings/${body.recording.id}/complete`, { chunkCount: chunks.length, sha256: sha256(pcm) });
    expect(done.status).toBe(202);
    const row = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id: body.recording.id } });
    return { id: row.id, wav: row.storageKey! };
  }

  async function runRetentionJob() {
    const job = await server.deps.jobs.enqueue('maintenance.retention', {});
    for (let i = 0; i < 200; i++) {
      const row = await server.deps.db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
      if (row.status === 'succeeded' || row.status === 'failed') return row;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('retention job did not finish');
  }

  it.skipIf(skip)('purgeEncounterAudio deletes the audio at signing and logs it as the system', async () => {
    const encounterId = await encounterWithConsent(c);
    const { id, wav } = await recorded(encounterId);
    expect(await stored(wav)).toBe(true);
    // An in-progress recording of the same encounter: its chunks go too.
    const { body } = await c.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
    const chunk = pcm16(speechLikeSignal(0.2, 16000, 2));
    await putChunk(c, body.recording.id, 0, chunk);
    const chunkKey = `chunks/${body.recording.id}/000000-${sha256(chunk)}.pcm`;
    expect(await server.deps.files.audio.read(chunkKey)).toEqual(chunk);
    const onDisk = audioFilesOnDisk(server.deps);
    if (server.deps.files.kind === 'database') expect(onDisk).toEqual([]); // no shared disk needed
    else expect(onDisk).toContain(chunkKey);

    expect(await purgeEncounterAudio(server.deps, encounterId, 'signed')).toBe(2);
    expect(await stored(wav)).toBe(false);
    expect(await stored(chunkKey)).toBe(false);
    expect(audioFilesOnDisk(server.deps).filter((f) => f.includes(body.recording.id) || f.includes(id))).toEqual([]);
    if (server.deps.files.kind === 'database') {
      // Neither headers nor parts are left of either recording.
      for (const recordingId of [id, body.recording.id]) {
        expect(await server.deps.db.prisma.storedFile.count({ where: { key: { contains: recordingId } } })).toBe(0);
        expect(await server.deps.db.prisma.storedFilePart.count({ where: { key: { contains: recordingId } } })).toBe(0);
      }
    }
    const row = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'deleted', deleteReason: 'signed', storageKey: null });
    expect(await server.deps.db.prisma.recordingWindow.count({ where: { recordingId: id } })).toBe(0);
    const audit = await server.deps.db.prisma.auditEvent.findMany({ where: { encounterId, action: 'recording.audio_deleted' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ kind: 'delete', outcome: 'success', userId: null, details: { reason: 'signed', actor: 'system' } });
    // A deleted recording takes no more chunks, and purging again does nothing.
    expect((await putChunk(c, body.recording.id, 1, pcm16(speechLikeSignal(0.2, 16000, 3)))).body.code).toBe('recording_closed');
    expect(await purgeEncounterAudio(server.deps, encounterId, 'signed')).toBe(0);
  });

  it.skipIf(skip)('signing the note deletes the encounter\'s audio', async () => {
    const encounterId = await encounterWithConsent(c);
    const { id, wav } = await recorded(encounterId);
    const transcript = await c.post(`/api/v1/encounters/${encounterId}/transcripts`, {
      turns: [
        { speaker: 'Patient', text: 'Jag har haft ont i ryggen i två veckor.' },
        { speaker: 'Läkare', text: 'Du får återkomma om det inte blir bättre.' },
      ],
    });
    expect(transcript.status).toBe(201);
    const started = await c.post(`/api/v1/encounters/${encounterId}/drafts`, { transcriptId: transcript.body.transcript.id, drafter: 'extractive' });
    expect(started.status).toBe(202);
    const draftId = started.body.draftId as string;
    expect((await waitForJob(c, started.body.jobId)).status).toBe('succeeded');
    const draft = (await c.get(`/api/v1/drafts/${draftId}`)).body.draft;
    for (const section of draft.sections) {
      for (const sentence of section.sentences) {
        for (const flag of sentence.flags) {
          await c.post(`/api/v1/drafts/${draftId}/flags/${flag.id}/resolve`, { action: 'dismissed', reason: 'Sades i samtalet' });
        }
      }
    }
    expect(await stored(wav)).toBe(true);
    const signed = await c.post(`/api/v1/drafts/${draftId}/sign`, {});
    expect(signed.status, signed.text).toBe(201);
    expect(await stored(wav)).toBe(false);
    expect(await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'deleted', deleteReason: 'signed' });
  });

  it.skipIf(skip)('the hourly job deletes audio past AUDIO_RETENTION_HOURS and clears old transcripts', async () => {
    const encounterId = await encounterWithConsent(c);
    const old = await recorded(encounterId);
    const fresh = await recorded(encounterId);
    const prisma = server.deps.db.prisma;
    await prisma.recording.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 25 * HOUR) } });
    // Synthetic Swedish, written for this test.
    const pasted = await c.post(`/api/v1/encounters/${encounterId}/transcripts`, { text: 'Patient: Jag har hosta sedan en vecka.' });
    const kept = await c.post(`/api/v1/encounters/${encounterId}/transcripts`, { text: 'Patient: Nu är hostan borta.' });
    await prisma.transcript.update({ where: { id: pasted.body.transcript.id }, data: { createdAt: new Date(Date.now() - 31 * 24 * HOUR) } });

    const job = await runRetentionJob();
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ recordingsPurged: 1, transcriptsDeleted: 1 });
    expect(await stored(old.wav)).toBe(false);
    expect(await stored(fresh.wav)).toBe(true);
    expect((await prisma.recording.findUniqueOrThrow({ where: { id: old.id } })).deleteReason).toBe('retention');
    const swept = await prisma.transcript.findUniqueOrThrow({ where: { id: pasted.body.transcript.id } });
    expect(swept.segments).toEqual([]);
    expect(swept.deletedAt).not.toBeNull();
    expect((await prisma.transcript.findUniqueOrThrow({ where: { id: kept.body.transcript.id } })).deletedAt).toBeNull();
    expect((await c.get(`/api/v1/transcripts/${pasted.body.transcript.id}`)).status).toBe(404);
    const audit = await prisma.auditEvent.findMany({ where: { encounterId, kind: 'delete' }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, (a.details as { reason: string }).reason])).toEqual([
      ['recording.audio_deleted', 'retention'],
      ['transcript.deleted', 'retention'],
    ]);
  });
});
