import path from 'node:path';
import type { Database } from '../db/client';
import type { Env } from '../env';
import { databaseStore } from './database';
import type { FileStore, FileStoreKind } from './file-store';
import { filesystemStore } from './filesystem';

/** The stores of one composed app: audio (recordings, uploads) and built reports. */
export interface FileStores {
  kind: FileStoreKind;
  audio: FileStore;
  reports: FileStore;
}

/** FILE_STORAGE=auto means the filesystem on SQLite (one machine) and the database on PostgreSQL (no shared disk). */
export function storageKind(env: Pick<Env, 'FILE_STORAGE' | 'databaseKind'>): FileStoreKind {
  if (env.FILE_STORAGE !== 'auto') return env.FILE_STORAGE;
  return env.databaseKind === 'postgresql' ? 'database' : 'filesystem';
}

export function openFileStores(env: Env, db: Database): FileStores {
  const kind = storageKind(env);
  const open = (space: string) => (kind === 'database' ? databaseStore(db, space) : filesystemStore(path.join(env.dataDir, space)));
  return { kind, audio: open('audio'), reports: open('reports') };
}
