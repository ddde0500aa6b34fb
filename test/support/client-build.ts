import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Build the web client once for the browser tests, with the same staleness
 * rule as `npm start` (scripts/start.mjs): rebuild when dist/client is
 * missing or older than any file in client/ or server/contracts/. Test files
 * run in parallel processes, so a lock file keeps two of them from building
 * into the same folder at once; whoever waits re-checks afterwards and
 * usually finds the build fresh.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLIENT_OUT_DIR = path.join(ROOT, 'dist', 'client');
const SHELL = path.join(CLIENT_OUT_DIR, 'index.html');
const SOURCES = [path.join(ROOT, 'client'), path.join(ROOT, 'server', 'contracts')];
const LOCK = path.join(ROOT, 'dist', '.client-build.lock');
const LOCK_WAIT_MS = 120_000;
/** a lock older than this was left by a crashed process */
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function clientBuildIsStale(): boolean {
  if (!fs.existsSync(SHELL)) return true;
  return Math.max(...SOURCES.map(newestMtime)) > fs.statSync(SHELL).mtimeMs;
}

function holderIsGone(): boolean {
  try {
    const pid = Number(fs.readFileSync(LOCK, 'utf8'));
    if (Date.now() - fs.statSync(LOCK).mtimeMs > LOCK_STALE_MS) return true;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ENOENT: released meanwhile; ESRCH: the holder died without releasing.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone()) fs.rmSync(LOCK, { force: true });
      else if (Date.now() > deadline) throw new Error(`Väntade för länge på bygglåset ${LOCK}`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

async function build(): Promise<void> {
  const { build: viteBuild } = await import('vite');
  // Vite takes NODE_ENV over the mode; under vitest it is "test", which would
  // bundle React's development build into dist/client for `npm start` to serve.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({ configFile: path.join(ROOT, 'vite.config.ts'), root: path.join(ROOT, 'client'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

let once: Promise<string> | null = null;

/** Resolves to dist/client, built and fresh. */
export function ensureClientBuilt(): Promise<string> {
  once ??= (async () => {
    if (clientBuildIsStale()) {
      await withLock(async () => {
        if (clientBuildIsStale()) await build();
      });
    }
    return CLIENT_OUT_DIR;
  })();
  return once;
}
