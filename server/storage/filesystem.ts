import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type FileStore, type Parts } from './file-store';

/**
 * Files under a folder of DATA_DIR (the embedded default). A file is written
 * to a temp file, fsynced, renamed into place and the directory fsynced, so a
 * crash leaves either the whole file or none. Files are 0600: patient audio.
 */
export function filesystemStore(root: string): FileStore {
  const resolve = (key: string) => {
    const full = path.resolve(root, checkKey(key));
    if (!full.startsWith(root + path.sep)) throw new Error('storage key outside the storage folder');
    return full;
  };
  return {
    kind: 'filesystem',
    put: async (key, parts) => writeDurably(resolve(key), parts),
    async size(key) {
      try {
        return (await fs.stat(resolve(key))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async read(key, start = 0, end) {
      let handle;
      try {
        handle = await fs.open(resolve(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const size = (await handle.stat()).size;
        const to = Math.min(end ?? size, size);
        const buffer = new Uint8Array(Math.max(0, to - start));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async *stream(key, start, end) {
      if (end <= start) return;
      const handle = await fs.open(resolve(key), 'r');
      try {
        for await (const piece of handle.createReadStream({ start, end: end - 1, highWaterMark: 1 << 20, autoClose: false })) yield piece as Buffer;
      } finally {
        await handle.close();
      }
    },
    delete: async (key) => fs.rm(resolve(key), { force: true }),
    deleteFolder: async (folder) => fs.rm(resolve(folder), { recursive: true, force: true }),
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
async function writeDurably(file: string, parts: Parts): Promise<number> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'w', 0o600);
  let size = 0;
  try {
    for await (const part of parts) {
      await handle.write(part);
      size += part.length;
    }
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
  return size;
}
