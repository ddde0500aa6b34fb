import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from '../../server/app';
import { compose } from '../../server/compose';
import type { AppDeps } from '../../server/deps';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/logger';
import { bootstrap } from '../../server/seed/bootstrap';
import { createTempDb, type TempDb } from './db';

export interface TestServer {
  baseUrl: string;
  deps: AppDeps;
  db: TempDb;
  passwords: { admin: string; demo: string };
  close(): Promise<void>;
}

export interface TestServerOptions {
  db?: 'sqlite' | 'postgresql';
  env?: Record<string, string>;
  /** start the job workers inside the test server (default true) */
  workers?: boolean;
  app?: AppOptions;
}

/**
 * The real app on a random loopback port, against a fresh database, with the
 * demo workspace. Only external services are ever replaced in tests; this is
 * the whole server.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTempDb(options.db ?? 'sqlite');
  const env = loadEnv({
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    MODELS_DIR: `${db.dataDir}/models`,
    SCRYPT_LOG_N: '10',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...options.env,
  });
  const composed = await compose(env, createLogger(env.LOG_LEVEL));
  const boot = await bootstrap(composed.deps, () => undefined);
  if (options.workers !== false) await composed.deps.jobs.startWorking(composed.deps, 1);
  const app = createApp(composed.deps, { gatewayRoutes: composed.deps.services.gatewayRoutes as never, ...options.app });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps: composed.deps,
    db,
    passwords: { admin: boot.adminPassword ?? '', demo: boot.demoPassword ?? '' },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await composed.close();
      await db.drop();
    },
  };
}
