import type { Server } from 'node:http';
import { createApp } from './app';
import { compose } from './compose';
import { EnvError, loadEnv } from './env';
import { createLogger } from './logger';
import { warmUpFollowup } from './modules/followup/warm-up';
import { scheduleRetention } from './modules/maintenance/jobs';
import { bootstrap } from './seed/bootstrap';

/** Read env, build dependencies, listen; shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(env.LOG_LEVEL);
  const started = Date.now();
  const { deps, close } = await compose(env, logger);
  await bootstrap(deps, (line) => console.log(line));
  if (env.RUN_JOBS_IN_WEB) await deps.jobs.startWorking(deps, env.JOB_CONCURRENCY);
  const stopRetention = scheduleRetention(deps);

  const app = createApp(deps, { gatewayRoutes: deps.services.gatewayRoutes as never });
  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    logger.info('server.listening', { n_port: port, ms: Date.now() - started });
    console.log(`Journalverkstan kör på http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port} (databas: ${deps.db.kind})`);
    void warmUpFollowup(deps);
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
