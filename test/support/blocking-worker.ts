/**
 * A real worker process for the crash test (test/server/hardening-jobs.test.ts):
 * the workbench's own compose() and pg-boss queue, plus a job kind
 * `test.block` that reports its start on stdout and then runs until the
 * process is killed. Usage: node --import tsx blocking-worker.ts <DATABASE_URL> <DATA_DIR> <JOB_LEASE_SECONDS>
 */
import { compose } from '../../server/compose';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/logger';

const [url, dataDir, lease] = process.argv.slice(2);
const env = loadEnv({ NODE_ENV: 'test', DATABASE_URL: url!, DATA_DIR: dataDir!, MODELS_DIR: `${dataDir}/models`, LOG_LEVEL: 'silent', JOB_LEASE_SECONDS: lease! });
const { deps } = await compose(env, createLogger('silent'));
deps.jobs.register('test.block', async ({ jobId, signal }) => {
  process.stdout.write(`started ${jobId} ${process.pid}\n`);
  await new Promise((resolve) => signal.addEventListener('abort', resolve));
});
await deps.jobs.startWorking(deps, 1);
process.stdout.write('ready\n');
