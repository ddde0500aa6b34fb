import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { createApp } from './app';
import { runPrimary, webIndex } from './cluster';
import { compose } from './compose';
import { loadEnvOrExit } from './env';
import { createLogger } from './logger';
import { warmUpFollowup } from './modules/followup/warm-up';
import { scheduleRetention } from './modules/maintenance/jobs';
import { bootstrap } from './seed/bootstrap';

/**
 * Read env, build dependencies, listen; shut down gracefully on SIGTERM/SIGINT.
 * With WEB_PROCESSES > 1 this process is the cluster primary (cluster.ts)
 * and each web process runs the rest of main() without the first-start seed.
 */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const logger = createLogger(env.LOG_LEVEL);
  if (env.WEB_PROCESSES > 1 && cluster.isPrimary) return runPrimary(env, logger);
  // Jobs, the retention sweep and the warm-up run in one web process only.
  const first = webIndex() === 0;
  const started = Date.now();
  const { deps, close } = await compose(env, logger);
  if (cluster.isPrimary) await bootstrap(deps, (line) => console.log(line));
  if (first && env.RUN_JOBS_IN_WEB) await deps.jobs.startWorking(deps, env.JOB_CONCURRENCY);
  const stopRetention = first ? scheduleRetention(deps) : () => undefined;

  const app = createApp(deps);
  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    logger.info('server.listening', { n_port: port, ms: Date.now() - started });
    console.log(`Journalverkstan kör på http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port} (databas: ${deps.db.kind})`);
    if (first) void warmUpFollowup(deps);
  });
  server.requestTimeout = 10 * 60_000; // long audio uploads

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { code: signal });
    stopRetention();
    server.close();
    server.closeIdleConnections();
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
