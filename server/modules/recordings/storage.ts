import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Audio on disk under DATA_DIR/audio. A chunk is acknowledged only after its
 * bytes are durable: written to a temp file, fsynced, renamed into place and
 * the directory fsynced, so a crash leaves either the whole chunk or none.
 * Paths are built from ids only (cuid + integers), never from client text.
 */
export interface AudioStorage {
  root: string;
  chunkPath(recordingId: string, seq: number, sha256: string): string;
  chunkDir(recordingId: string): string;
  /** storage key of a recording's assembled or uploaded WAV, relative to root */
  wavKey(recordingId: string): string;
  resolve(key: string): string;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error('unsafe storage id');
  return id;
}

function checkHash(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest');
  return sha256;
}

export function audioStorage(dataDir: string): AudioStorage {
  const root = path.join(dataDir, 'audio');
  return {
    root,
    // The hash is in the name so that two different bodies for one seq never share a file: the row decides which one counts.
    chunkPath: (recordingId, seq, sha256) => path.join(root, 'chunks', checkId(recordingId), `${String(seq).padStart(6, '0')}-${checkHash(sha256)}.pcm`),
    chunkDir: (recordingId) => path.join(root, 'chunks', checkId(recordingId)),
    wavKey: (recordingId) => path.join('recordings', `${checkId(recordingId)}.wav`),
    resolve: (key) => {
      const full = path.resolve(root, key);
      if (!full.startsWith(root + path.sep)) throw new Error('storage key outside the audio folder');
      return full;
    },
  };
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write `parts` in order to `file` so that it appears whole or not at all, and survives a crash once this resolves. */
export async function writeDurably(file: string, parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    for await (const part of parts) await handle.write(part);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

export async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Remove every file of a recording: its chunks and its WAV. Missing files are fine (idempotent). */
export async function deleteRecordingAudio(storage: AudioStorage, recordingId: string, storageKey: string | null): Promise<void> {
  await fs.rm(storage.chunkDir(recordingId), { recursive: true, force: true });
  if (storageKey) await fs.rm(storage.resolve(storageKey), { force: true });
}

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
