import type { AppDeps } from '../../deps';
import { pcm16ToFloat } from '../../pipeline/audio/pcm';
import { readExisting } from '../../storage/file-store';
import { chunkKey } from './storage';

/**
 * Reading a browser recording's audio back: from its chunk files while it is
 * being recorded, from the assembled WAV once it is complete. Browser
 * recordings are 16 kHz mono 16-bit PCM (the capture protocol), and the WAV
 * is written here with a plain 44-byte header.
 */
const WAV_HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;

export interface ChunkRow {
  seq: number;
  bytes: number;
  sha256: string;
}

export function chunkRows(deps: AppDeps, recordingId: string): Promise<ChunkRow[]> {
  return deps.db.prisma.recordingChunk.findMany({ where: { recordingId }, orderBy: { seq: 'asc' }, select: { seq: true, bytes: true, sha256: true } });
}

/** The chunks 0…k−1 that have all arrived, in order: only these can be windowed. */
export function contiguousPrefix(rows: readonly ChunkRow[]): ChunkRow[] {
  let n = 0;
  while (n < rows.length && rows[n]!.seq === n) n++;
  return rows.slice(0, n);
}

export async function readChunk(deps: AppDeps, recordingId: string, row: ChunkRow): Promise<Uint8Array> {
  return readExisting(deps.files.audio, chunkKey(recordingId, row.seq, row.sha256));
}

/** Samples [start, end) of a browser recording, wherever its audio currently is. */
export async function readSamples(
  deps: AppDeps,
  recording: { id: string; storageKey: string | null },
  start: number,
  end: number,
): Promise<Float32Array> {
  if (recording.storageKey) {
    const at = WAV_HEADER_BYTES + start * BYTES_PER_SAMPLE;
    return pcm16ToFloat(await readExisting(deps.files.audio, recording.storageKey, at, at + (end - start) * BYTES_PER_SAMPLE));
  }
  const out = new Float32Array(end - start);
  let at = 0; // first sample of the current chunk
  for (const row of contiguousPrefix(await chunkRows(deps, recording.id))) {
    const samples = row.bytes / BYTES_PER_SAMPLE;
    const from = Math.max(start, at);
    const to = Math.min(end, at + samples);
    if (from < to) out.set(pcm16ToFloat(await readChunk(deps, recording.id, row)).subarray(from - at, to - at), from - start);
    at += samples;
    if (at >= end) break;
  }
  return out;
}
