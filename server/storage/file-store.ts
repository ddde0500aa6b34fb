/**
 * Where the workbench keeps files: recorded audio (chunks while recording, the
 * assembled WAV), uploaded audio and built reports. Two backends share this
 * contract, chosen by FILE_STORAGE: the filesystem under DATA_DIR (embedded
 * default) and the database (`StoredFile` rows, PostgreSQL scale-out: web
 * and worker processes on several machines with no shared disk).
 *
 * Keys are relative paths built from ids only ("chunks/<id>/<seq>-<sha>.pcm",
 * "recordings/<id>.wav", "reports/<id>.xlsx"), never from client text.
 */
export type FileStoreKind = 'filesystem' | 'database';

export type Parts = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export interface FileStore {
  readonly kind: FileStoreKind;
  /**
   * Store `parts`, in order, under `key`: the file appears whole or not at
   * all, and is durable once this resolves (the acknowledgement of a chunk
   * relies on it). Replaces an existing file. Returns the size in bytes.
   */
  put(key: string, parts: Parts): Promise<number>;
  /** Size in bytes, or null when there is no such (complete) file. */
  size(key: string): Promise<number | null>;
  /** Bytes [start, end) (end clamped to the size), or null when there is no such file. */
  read(key: string, start?: number, end?: number): Promise<Uint8Array | null>;
  /** Bytes [start, end) in pieces of at most about 1 MiB, so large files are sent without being held in memory. */
  stream(key: string, start: number, end: number): AsyncIterable<Uint8Array>;
  /** Remove a file; a missing file is fine (idempotent). */
  delete(key: string): Promise<void>;
  /** Remove every file whose key starts with `folder` + "/" (e.g. one recording's chunks). */
  deleteFolder(folder: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** Throws unless `key` is a relative path of safe segments (no "..", no leading dot, no empty segment). */
export function checkKey(key: string): string {
  const segments = key.split('/');
  if (segments.length > 4 || !segments.every((s) => SEGMENT.test(s) && !s.includes('..'))) throw new Error('unsafe storage key');
  return key;
}

/** The folder part of a key ("chunks/abc" for "chunks/abc/000001-….pcm"), "" at the top. */
export function folderOf(key: string): string {
  const at = key.lastIndexOf('/');
  return at < 0 ? '' : key.slice(0, at);
}

/** A missing file where the caller's rows say one must exist. */
export class MissingFileError extends Error {
  constructor(readonly key: string) {
    super('stored file missing');
  }
}

/** Read a whole file that must exist. */
export async function readExisting(store: FileStore, key: string, start?: number, end?: number): Promise<Uint8Array> {
  const bytes = await store.read(key, start, end);
  if (!bytes) throw new MissingFileError(key);
  return bytes;
}
