import type { Database } from '../db/client';
import { checkKey, folderOf, type FileStore } from './file-store';

/**
 * Files in the database, for PostgreSQL scale-out: any web or worker process
 * on any machine reads what another one wrote, with no shared disk. A file is
 * `StoredFilePart` rows of PART_BYTES (so a 90-minute recording is ~170 rows,
 * never one huge value, and a Range read fetches only the parts it needs)
 * and a `StoredFile` header written last: a committed header is the mark of
 * a whole, durable file. A write that dies half-way leaves parts without a
 * header, which read as missing and are removed with their folder (the
 * recording's retention) or by the next write of the same key.
 *
 * `prefix` keeps spaces apart in the one table ("audio/…", "reports/…").
 */
export const PART_BYTES = 1 << 20;

export function databaseStore(db: Database, prefix: string): FileStore {
  const prisma = db.prisma;
  const full = (key: string) => `${prefix}/${checkKey(key)}`;

  async function writePart(key: string, folder: string, index: number, data: Uint8Array): Promise<void> {
    const bytes = new Uint8Array(data) as Uint8Array<ArrayBuffer>; // a copy: the caller's buffer is reused
    await prisma.storedFilePart.upsert({
      where: { key_index: { key, index } },
      create: { key, index, folder, data: bytes },
      update: { data: bytes },
    });
  }

  async function header(key: string) {
    return prisma.storedFile.findUnique({ where: { key }, select: { size: true, partBytes: true } });
  }

  async function* pieces(key: string, start: number, end: number, partBytes: number): AsyncGenerator<Uint8Array> {
    for (let index = Math.floor(start / partBytes); index * partBytes < end; index++) {
      const part = await prisma.storedFilePart.findUnique({ where: { key_index: { key, index } }, select: { data: true } });
      if (!part) throw new Error('stored file part missing');
      const base = index * partBytes;
      yield part.data.subarray(Math.max(0, start - base), Math.min(part.data.length, end - base));
    }
  }

  return {
    kind: 'database',
    async put(rawKey, parts) {
      const key = full(rawKey);
      const folder = folderOf(key);
      // Identical rewrites (a chunk re-sent at the same moment, a repeated completion) upsert the same bytes; readers see consistent data throughout.
      const buffer = new Uint8Array(PART_BYTES);
      let fill = 0;
      let index = 0;
      let size = 0;
      for await (const part of parts) {
        for (let at = 0; at < part.length; ) {
          const n = Math.min(PART_BYTES - fill, part.length - at);
          buffer.set(part.subarray(at, at + n), fill);
          fill += n;
          at += n;
          if (fill === PART_BYTES) {
            await writePart(key, folder, index++, buffer);
            fill = 0;
          }
        }
        size += part.length;
      }
      if (fill > 0 || index === 0) await writePart(key, folder, index++, buffer.subarray(0, fill));
      await prisma.storedFilePart.deleteMany({ where: { key, index: { gte: index } } });
      await prisma.storedFile.upsert({
        where: { key },
        create: { key, folder, size, partBytes: PART_BYTES },
        update: { size, partBytes: PART_BYTES },
      });
      return size;
    },
    async size(key) {
      return (await header(full(key)))?.size ?? null;
    },
    async read(rawKey, start = 0, end) {
      const key = full(rawKey);
      const head = await header(key);
      if (!head) return null;
      const to = Math.min(end ?? head.size, head.size);
      const out = new Uint8Array(Math.max(0, to - start));
      let at = 0;
      for await (const piece of pieces(key, start, to, head.partBytes)) {
        out.set(piece, at);
        at += piece.length;
      }
      return out;
    },
    async *stream(rawKey, start, end) {
      const key = full(rawKey);
      const head = await header(key);
      if (!head) throw new Error('stored file missing');
      yield* pieces(key, start, Math.min(end, head.size), head.partBytes);
    },
    async delete(rawKey) {
      const key = full(rawKey);
      // Header first: from this moment the file reads as missing, never as partial.
      await prisma.storedFile.deleteMany({ where: { key } });
      await prisma.storedFilePart.deleteMany({ where: { key } });
    },
    async deleteFolder(rawFolder) {
      const folder = full(rawFolder);
      await prisma.storedFile.deleteMany({ where: { folder } });
      await prisma.storedFilePart.deleteMany({ where: { folder } });
    },
  };
}
