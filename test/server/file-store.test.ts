import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { PART_BYTES, databaseStore } from '../../server/storage/database';
import type { FileStore } from '../../server/storage/file-store';
import { filesystemStore } from '../../server/storage/filesystem';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';

/*
 * The storage contract, the same on every backend: whole-or-nothing writes,
 * byte ranges (across the database's part boundaries), streaming, replacing,
 * deleting a file and a folder, and keys that cannot leave the store.
 */
const pg = await postgresAvailable();

const cases = [
  { name: 'filesystem', kind: 'sqlite' as const, skip: false },
  { name: 'database on SQLite', kind: 'sqlite' as const, skip: false },
  { name: 'database on PostgreSQL', kind: 'postgresql' as const, skip: !pg },
];

async function collect(parts: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const p of parts) out.push(Buffer.from(p));
  return Buffer.concat(out);
}

describe.each(cases)('file store: $name', ({ name, kind, skip }) => {
  let tmp: TempDb;
  let db: Database | undefined;
  let store: FileStore;

  beforeAll(async () => {
    if (skip) return;
    tmp = await createTempDb(kind);
    if (name === 'filesystem') {
      store = filesystemStore(path.join(tmp.dataDir, 'audio'));
    } else {
      await migrate(tmp.url);
      db = await openDatabase(tmp.url);
      store = databaseStore(db, 'audio');
    }
  });
  afterAll(async () => {
    await db?.close();
    await tmp?.drop();
  });

  // Two and a half parts of pseudo-random bytes, written in uneven pieces.
  const big = crypto.randomBytes(2 * PART_BYTES + PART_BYTES / 2 + 7);
  const pieces = [big.subarray(0, 1000), big.subarray(1000, PART_BYTES + 3), big.subarray(PART_BYTES + 3)];

  it.skipIf(skip)('stores a file whole and reads it back whole, by range and as a stream', async () => {
    expect(await store.put('recordings/r1.wav', pieces)).toBe(big.length);
    expect(await store.size('recordings/r1.wav')).toBe(big.length);
    expect(Buffer.from((await store.read('recordings/r1.wav'))!).equals(big)).toBe(true);
    // Ranges that start and end inside different parts.
    const from = PART_BYTES - 10;
    const to = 2 * PART_BYTES + 20;
    expect(Buffer.from((await store.read('recordings/r1.wav', from, to))!).equals(big.subarray(from, to))).toBe(true);
    expect((await collect(store.stream('recordings/r1.wav', from, to))).equals(big.subarray(from, to))).toBe(true);
    // An end past the size is clamped.
    expect(Buffer.from((await store.read('recordings/r1.wav', big.length - 5, big.length + 100))!).equals(big.subarray(-5))).toBe(true);
    // An empty file is a file.
    expect(await store.put('recordings/empty.wav', [])).toBe(0);
    expect(await store.size('recordings/empty.wav')).toBe(0);
  });

  it.skipIf(skip)('a missing file reads as null; replacing keeps only the new bytes', async () => {
    expect(await store.read('recordings/none.wav')).toBeNull();
    expect(await store.size('recordings/none.wav')).toBeNull();
    await store.put('recordings/r2.wav', [big]);
    await store.put('recordings/r2.wav', [new Uint8Array([1, 2, 3])]);
    expect(await store.read('recordings/r2.wav')).toEqual(new Uint8Array([1, 2, 3]));
    if (db) expect(await db.prisma.storedFilePart.count({ where: { key: 'audio/recordings/r2.wav' } })).toBe(1);
  });

  it.skipIf(skip)('a failed write leaves no file', async () => {
    async function* failing() {
      yield big.subarray(0, PART_BYTES + 5);
      throw new Error('client went away');
    }
    await expect(store.put('recordings/r3.wav', failing())).rejects.toThrow('client went away');
    expect(await store.size('recordings/r3.wav')).toBeNull();
    expect(await store.read('recordings/r3.wav')).toBeNull();
  });

  it.skipIf(skip)('deletes a file and a folder, idempotently', async () => {
    await store.put('chunks/rec1/000000-a.pcm', [new Uint8Array([1])]);
    await store.put('chunks/rec1/000001-b.pcm', [new Uint8Array([2])]);
    await store.put('chunks/rec10/000000-c.pcm', [new Uint8Array([3])]);
    await store.deleteFolder('chunks/rec1');
    await store.deleteFolder('chunks/rec1');
    expect(await store.size('chunks/rec1/000000-a.pcm')).toBeNull();
    expect(await store.size('chunks/rec1/000001-b.pcm')).toBeNull();
    expect(await store.size('chunks/rec10/000000-c.pcm')).toBe(1); // a folder is not a prefix match
    await store.delete('chunks/rec10/000000-c.pcm');
    await store.delete('chunks/rec10/000000-c.pcm');
    expect(await store.read('chunks/rec10/000000-c.pcm')).toBeNull();
  });

  it.skipIf(skip)('refuses keys that could leave the store', async () => {
    for (const key of ['../x', 'a/../../x', '/etc/passwd', '.hidden', 'a//b', '']) {
      await expect(store.put(key, [new Uint8Array([1])])).rejects.toThrow('unsafe storage key');
    }
    if (name === 'filesystem') expect(fs.existsSync(path.join(tmp.dataDir, 'x'))).toBe(false);
  });
});
