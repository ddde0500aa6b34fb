import cluster, { type Worker } from 'node:cluster';
import { compose } from './compose';
import type { Env } from './env';
import type { Logger } from './logger';
import { relaySessionInvalidations } from './modules/auth/session-cache';
import { bootstrap } from './seed/bootstrap';

/**
 * WEB_PROCESSES > 1: this process becomes the node:cluster primary. It
 * applies migrations and the first-start seed once (so the web processes
 * never race for them), then starts WEB_PROCESSES web processes that share
 * the port (the primary hands connections round-robin). The first one
 * (index 0) also runs jobs (RUN_JOBS_IN_WEB), the retention sweep and the
 * follow-up warm-up; the others only answer requests. A web process that
 * dies is started again; SIGTERM/SIGINT stop them all gracefully.
 * The primary also relays session invalidations between them (SQLite has
 * no LISTEN/NOTIFY; on PostgreSQL the bus does it anyway).
 */
export const WEB_INDEX_VAR = 'JV_WEB_INDEX';

/** 0 in the only or the first web process. */
export function webIndex(): number {
  return cluster.isWorker ? Number(process.env[WEB_INDEX_VAR] ?? 0) : 0;
}

export async function runPrimary(env: Env, logger: Logger): Promise<void> {
  const { deps, close } = await compose(env, logger);
  try {
    await bootstrap(deps, (line) => console.log(line));
  } finally {
    await close();
  }
  relaySessionInvalidations();
  let stopping = false;
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ [WEB_INDEX_VAR]: String(index) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error('cluster.web_process_exited', { n_index: index, n_code: code ?? -1, code: signal ?? undefined });
      // Not in a tight loop: a process that cannot start (a port in use) would otherwise spin.
      setTimeout(() => !stopping && fork(index), 1000).unref();
    });
    return worker;
  };
  for (let i = 0; i < env.WEB_PROCESSES; i++) fork(i);
  logger.info('cluster.started', { count: env.WEB_PROCESSES });

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const w of workers) {
      w.once('exit', () => --left === 0 && process.exit(0));
      w.process.kill(signal);
    }
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
