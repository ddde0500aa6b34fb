import crypto from 'node:crypto';
import type { FileStore } from '../../storage/file-store';

/**
 * Where a recording's audio lives in the audio store (`deps.files.audio`,
 * server/storage): its chunks while it is being recorded, then one WAV.
 * Keys are built from ids only (cuid + integers + hex), never from client
 * text; they are the same on every backend, and on the filesystem they are
 * the paths under DATA_DIR/audio that earlier versions wrote.
 */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error('unsafe storage id');
  return id;
}

function checkHash(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest');
  return sha256;
}

export const chunkFolder = (recordingId: string) => `chunks/${checkId(recordingId)}`;

/** The hash is in the key so that two different bodies for one seq never share a file: the row decides which one counts. */
export const chunkKey = (recordingId: string, seq: number, sha256: string) => `${chunkFolder(recordingId)}/${String(seq).padStart(6, '0')}-${checkHash(sha256)}.pcm`;

/** Storage key of a recording's assembled or uploaded WAV. */
export const wavKey = (recordingId: string) => `recordings/${checkId(recordingId)}.wav`;

/** Remove every file of a recording: its chunks and its WAV. Missing files are fine (idempotent). */
export async function deleteRecordingAudio(store: FileStore, recordingId: string, storageKey: string | null): Promise<void> {
  await store.deleteFolder(chunkFolder(recordingId));
  if (storageKey) await store.delete(storageKey);
}

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
