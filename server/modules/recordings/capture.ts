import crypto from 'node:crypto';
import type { AppDeps } from '../../deps';
import { AppError, conflict, unprocessable } from '../../errors';
import { wavHeader } from '../../pipeline/audio/wav-encode';
import type { RecordingRow } from './access';
import { chunkRows, readChunk, type ChunkRow } from './audio-source';
import { liveWindowing } from './live';
import { chunkFolder, chunkKey, sha256Hex, wavKey } from './storage';
import { RATE } from './windows';

/**
 * The capture protocol: numbered chunks of 16 kHz mono 16-bit PCM, each
 * durable in the audio store (disk or database) before it is acknowledged; a state listing what has
 * arrived, so a client resumes after a dropped network, a reload or a server
 * restart; and a completion that checks every chunk and the hash of the
 * whole before assembling one WAV and queueing its transcription.
 */
export const TRANSCRIBE_JOB = 'transcribe.recording';
export const CHUNK_MAX_MB = 4;
const MAX_LISTED = 50;

/**
 * Uploads of one chunk number run one after another in this process (a
 * client retrying while its first attempt is still in flight): the repeat
 * then finds the first one's row, and never reserves its bytes a second time.
 */
const inFlight = new Map<string, Promise<unknown>>();

export async function putChunk(deps: AppDeps, recording: RecordingRow, seq: number, body: Uint8Array, claimedSha: string, userId: string) {
  const sha = sha256Hex(body);
  if (sha !== claimedSha) {
    throw unprocessable('Delen kom fram skadad (kontrollsumman stämmer inte). Skicka den igen.', [{ field: 'headers.x-chunk-sha256', message: 'Stämmer inte med innehållet' }], 'chunk_hash_mismatch');
  }
  const key = `${recording.id}:${seq}`;
  const mine = (inFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => storeChunk(deps, recording, seq, body, sha, userId));
  inFlight.set(key, mine);
  try {
    return await mine;
  } finally {
    if (inFlight.get(key) === mine) inFlight.delete(key);
  }
}

async function storeChunk(deps: AppDeps, recording: RecordingRow, seq: number, body: Uint8Array, sha: string, userId: string) {
  const existing = await deps.db.prisma.recordingChunk.findUnique({ where: { recordingId_seq: { recordingId: recording.id, seq } } });
  if (existing) return sameOrConflict(existing.sha256, sha, seq);
  if (recording.status !== 'recording') throw conflict('Inspelningen är redan avslutad och tar inte emot fler delar.', 'recording_closed');
  if (body.length === 0 || body.length % 2 !== 0) {
    throw unprocessable('En del ska vara 16-bitars PCM: ett jämnt antal byte, minst två.', [{ field: 'body', message: 'Fel längd' }], 'bad_chunk');
  }

  const release = await reserveBytes(deps, recording.id, body.length).catch(async (error: unknown) => {
    // Over the limit, unless another process stored this very chunk meanwhile.
    const stored = await deps.db.prisma.recordingChunk.findUnique({ where: { recordingId_seq: { recordingId: recording.id, seq } } });
    if (stored) return stored;
    throw error;
  });
  if (typeof release !== 'function') return sameOrConflict(release.sha256, sha, seq);
  const key = chunkKey(recording.id, seq, sha);
  try {
    await deps.files.audio.put(key, [body]);
    await deps.db.prisma.recordingChunk.create({ data: { recordingId: recording.id, seq, bytes: body.length, sha256: sha } });
  } catch (error) {
    await release();
    // A concurrent upload of the same seq won the race: its row decides (and holds its own reservation).
    const winner = await deps.db.prisma.recordingChunk.findUnique({ where: { recordingId_seq: { recordingId: recording.id, seq } } });
    if (!winner) throw error;
    if (winner.sha256 !== sha) await deps.files.audio.delete(key);
    return sameOrConflict(winner.sha256, sha, seq);
  }
  liveWindowing(deps).chunkAcknowledged(recording.id, userId);
  return { seq, acknowledged: true as const };
}

/**
 * A recording may hold what an uploaded file may: UPLOAD_MAX_MB and
 * AUDIO_MAX_MINUTES of 16 kHz 16-bit mono, whichever is smaller. The bytes
 * are reserved by one conditional update before the chunk is stored, so the
 * limit holds however many chunks arrive at once; a chunk that is not stored
 * after all gives its reservation back.
 */
export function chunkedLimit(env: AppDeps['env']): { maxBytes: number; problem: AppError } {
  const bySize = env.UPLOAD_MAX_MB * 1024 * 1024;
  const byLength = env.AUDIO_MAX_MINUTES * 60 * RATE * 2;
  const problem =
    byLength <= bySize
      ? new AppError(413, 'too_long', 'För lång', `Inspelningen får vara högst ${env.AUDIO_MAX_MINUTES} minuter (AUDIO_MAX_MINUTES), som en uppladdad fil. Avsluta den och börja en ny.`, [{ field: 'body', message: `Över ${env.AUDIO_MAX_MINUTES} minuter` }])
      : new AppError(413, 'too_large', 'För stor', `Inspelningen får vara högst ${env.UPLOAD_MAX_MB} MB (UPLOAD_MAX_MB), som en uppladdad fil. Avsluta den och börja en ny.`, [{ field: 'body', message: `Över ${env.UPLOAD_MAX_MB} MB` }]);
  return { maxBytes: Math.min(bySize, byLength), problem };
}

async function reserveBytes(deps: AppDeps, recordingId: string, bytes: number): Promise<() => Promise<void>> {
  const { maxBytes, problem } = chunkedLimit(deps.env);
  const { count } = await deps.db.prisma.recording.updateMany({
    where: { id: recordingId, status: 'recording', receivedBytes: { lte: BigInt(maxBytes - bytes) } },
    data: { receivedBytes: { increment: BigInt(bytes) } },
  });
  if (count === 0) {
    const now = await deps.db.prisma.recording.findUnique({ where: { id: recordingId }, select: { status: true } });
    if (now?.status !== 'recording') throw conflict('Inspelningen är redan avslutad och tar inte emot fler delar.', 'recording_closed');
    throw problem;
  }
  return async () => {
    await deps.db.prisma.recording.updateMany({ where: { id: recordingId }, data: { receivedBytes: { decrement: BigInt(bytes) } } });
  };
}

function sameOrConflict(stored: string, sent: string, seq: number) {
  if (stored === sent) return { seq, acknowledged: true as const };
  throw conflict(`Del ${seq} finns redan med ett annat innehåll.`, 'chunk_conflict');
}

/** 0…max(received) minus what arrived: what the client still has to send. */
export function receivedAndMissing(rows: readonly ChunkRow[], expected?: number) {
  const received = rows.map((r) => r.seq);
  const have = new Set(received);
  const upTo = expected ?? (received.length ? Math.max(...received) + 1 : 0);
  const missing: number[] = [];
  for (let seq = 0; seq < upTo; seq++) if (!have.has(seq)) missing.push(seq);
  return { received, missing };
}

export async function recordingState(deps: AppDeps, recording: RecordingRow) {
  const rows = await chunkRows(deps, recording.id);
  const { received, missing } = receivedAndMissing(rows);
  const receivedBytes = rows.reduce((n, r) => n + r.bytes, 0);
  return { status: recording.status, received, missing, receivedSeconds: receivedBytes / 2 / RATE };
}

const listed = (seqs: number[]) => seqs.slice(0, MAX_LISTED).join(', ') + (seqs.length > MAX_LISTED ? ', …' : '');

/** Every chunk 0…n−1, in order, verified against its row: the bytes of the recording. */
async function* orderedChunks(deps: AppDeps, recordingId: string, rows: readonly ChunkRow[], hash: crypto.Hash): AsyncGenerator<Uint8Array> {
  for (const row of rows) {
    const bytes = await readChunk(deps, recordingId, row);
    if (sha256Hex(bytes) !== row.sha256) throw new Error(`stored chunk ${row.seq} does not match its acknowledgement`);
    hash.update(bytes);
    yield bytes;
  }
}

export async function completeRecording(deps: AppDeps, recording: RecordingRow, input: { chunkCount: number; sha256: string }, userId: string) {
  if (recording.status === 'complete') {
    if (recording.sha256 !== input.sha256) throw conflict('Inspelningen är redan avslutad med en annan kontrollsumma.', 'hash_mismatch');
    return ensureJob(deps, recording, userId);
  }
  if (recording.status !== 'recording') throw conflict('Inspelningens ljud är raderat.', 'recording_deleted');

  const live = liveWindowing(deps);
  const rows = await chunkRows(deps, recording.id);
  const { missing } = receivedAndMissing(rows, input.chunkCount);
  const extra = rows.filter((r) => r.seq >= input.chunkCount).map((r) => r.seq);
  if (missing.length) {
    throw new AppError(409, 'chunks_missing', 'Delar saknas', `Delar saknas: ${listed(missing)}. Skicka dem och avsluta igen.`, missing.slice(0, MAX_LISTED).map((seq) => ({ field: `chunks.${seq}`, message: 'Saknas' })));
  }
  if (extra.length) throw conflict(`Servern har fler delar än ${input.chunkCount} (${listed(extra)}).`, 'chunk_count_mismatch');

  const store = deps.files.audio;
  const key = wavKey(recording.id);
  const dataBytes = rows.reduce((n, r) => n + r.bytes, 0);
  const hash = crypto.createHash('sha256');
  await live.finish(recording.id);
  await store.put(key, (async function* () {
    yield wavHeader(dataBytes, 1, RATE);
    yield* orderedChunks(deps, recording.id, rows, hash);
  })());
  const sha = hash.digest('hex');
  if (sha !== input.sha256) {
    await store.delete(key);
    throw conflict('Kontrollsumman för hela inspelningen stämmer inte med det servern tagit emot. Skicka om delarna.', 'hash_mismatch');
  }

  const now = new Date();
  const updated = await deps.db.prisma.recording.update({
    where: { id: recording.id },
    data: { status: 'complete', sha256: sha, storageKey: key, durationSeconds: dataBytes / 2 / RATE, originalFormat: 'pcm_s16le' },
  });
  await deps.db.prisma.encounter.updateMany({ where: { id: recording.encounterId, consultationEndedAt: null }, data: { consultationEndedAt: now } });
  await deps.events.publish('recording', recording.id);
  // The WAV now holds every byte: the chunks are redundant copies of patient audio.
  await store.deleteFolder(chunkFolder(recording.id));
  return ensureJob(deps, updated, userId);
}

/** Queue the transcription once; a repeated completion returns the same job. */
export async function ensureJob(deps: AppDeps, recording: RecordingRow, userId: string) {
  if (recording.jobId) return { recording, jobId: recording.jobId };
  const job = await deps.jobs.enqueue(TRANSCRIBE_JOB, { recordingId: recording.id }, { createdById: userId });
  const updated = await deps.db.prisma.recording.update({ where: { id: recording.id }, data: { jobId: job.id } });
  await deps.events.publish('recording', recording.id);
  return { recording: updated, jobId: job.id };
}
