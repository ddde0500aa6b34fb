import { sha256Start, sha256Update, type Sha256State } from './sha256';

/**
 * The recorder's durable side in the browser (IndexedDB): every captured
 * chunk stays here until the server has acknowledged it, together with the
 * running hash of all audio so far. A reload, a lost network or a server
 * restart therefore loses nothing; the page picks up where it was.
 */
export interface SessionRecord {
  recordingId: string;
  encounterId: string;
  /** seq of the next chunk to capture */
  nextSeq: number;
  hash: Sha256State;
  capturedBytes: number;
  /** true once the clinician pressed stop: only upload and complete remain */
  stopped: boolean;
}

export interface ChunkRecord {
  recordingId: string;
  seq: number;
  bytes: ArrayBuffer;
}

const DB_NAME = 'journalverkstan-recorder';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('sessions', { keyPath: 'recordingId' });
      request.result.createObjectStore('chunks', { keyPath: ['recordingId', 'seq'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      const request = work(tx);
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function newSession(recordingId: string, encounterId: string): SessionRecord {
  return { recordingId, encounterId, nextSeq: 0, hash: sha256Start(), capturedBytes: 0, stopped: false };
}

/** Store a captured chunk and advance the session (seq, hash) in one transaction: both or neither. */
export async function saveChunk(session: SessionRecord, bytes: Uint8Array): Promise<SessionRecord> {
  const next: SessionRecord = { ...session, nextSeq: session.nextSeq + 1, hash: sha256Update(session.hash, bytes), capturedBytes: session.capturedBytes + bytes.length };
  const copy = bytes.slice().buffer;
  await run(['sessions', 'chunks'], 'readwrite', (tx) => {
    tx.objectStore('chunks').put({ recordingId: session.recordingId, seq: session.nextSeq, bytes: copy } satisfies ChunkRecord);
    tx.objectStore('sessions').put(next);
  });
  return next;
}

export async function saveSession(session: SessionRecord): Promise<void> {
  await run(['sessions'], 'readwrite', (tx) => {
    tx.objectStore('sessions').put(session);
  });
}

export async function sessionForEncounter(encounterId: string): Promise<SessionRecord | null> {
  const all = (await run<SessionRecord[]>(['sessions'], 'readonly', (tx) => tx.objectStore('sessions').getAll() as IDBRequest<SessionRecord[]>)) ?? [];
  return all.find((s) => s.encounterId === encounterId) ?? null;
}

export async function pendingChunks(recordingId: string): Promise<ChunkRecord[]> {
  const range = IDBKeyRange.bound([recordingId, 0], [recordingId, Number.MAX_SAFE_INTEGER]);
  return (await run<ChunkRecord[]>(['chunks'], 'readonly', (tx) => tx.objectStore('chunks').getAll(range) as IDBRequest<ChunkRecord[]>)) ?? [];
}

/** The server has the chunk (acknowledged): the browser copy can go. */
export async function forgetChunk(recordingId: string, seq: number): Promise<void> {
  await run(['chunks'], 'readwrite', (tx) => {
    tx.objectStore('chunks').delete([recordingId, seq]);
  });
}

/** The recording is complete on the server: nothing of it stays in the browser. */
export async function forgetSession(recordingId: string): Promise<void> {
  const range = IDBKeyRange.bound([recordingId, 0], [recordingId, Number.MAX_SAFE_INTEGER]);
  await run(['sessions', 'chunks'], 'readwrite', (tx) => {
    tx.objectStore('chunks').delete(range);
    tx.objectStore('sessions').delete(recordingId);
  });
}
