import { compose } from './compose';
import { loadEnvOrExit } from './env';
import { createLogger } from './logger';

/**
 * `npm run worker`: takes jobs from the shared queue and nothing else. On
 * PostgreSQL any number of these run on any number of machines.
 */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const logger = createLogger(env.LOG_LEVEL);
  if (env.databaseKind === 'sqlite') {
    logger.warn('worker.sqlite', { code: 'embedded_database' });
    console.warn('Obs: på SQLite kör webbprocessen redan jobben. Separata workers är till för PostgreSQL.');
  }
  const { deps, close } = await compose(env, logger);
  await deps.jobs.startWorking(deps, env.JOB_CONCURRENCY);
  logger.info('worker.started', { n_concurrency: env.JOB_CONCURRENCY });
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

await main();
