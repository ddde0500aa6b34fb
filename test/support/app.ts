import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import { compose } from '../../server/compose';
import type { AppDeps } from '../../server/deps';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/logger';
import { bootstrap } from '../../server/seed/bootstrap';
import { createTempDb, type TempDb } from './db';

/** The real app, listening on loopback, on a database the caller owns. */
export interface RunningApp {
  baseUrl: string;
  port: number;
  deps: AppDeps;
  /** one-time passwords printed at first start ('' when the database was not new) */
  passwords: { admin: string; demo: string };
  /** stop the server, queue and database connections; the data stays */
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** start the job workers inside the server (default true) */
  workers?: boolean;
  /** a fixed port, e.g. to restart a server where a client expects it */
  port?: number;
}

/**
 * Boot the whole server on `db` the way main.ts does (migrations, bootstrap,
 * queue, routes), without listen()'s process wiring. Stopping and calling
 * this again on the same database and DATA_DIR is a server restart.
 */
export async function startAppOn(db: TempDb, options: StartOptions = {}): Promise<RunningApp> {
  const env = loadEnv({
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    MODELS_DIR: `${db.dataDir}/models`,
    SCRYPT_LOG_N: '10',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    // The invented pilot adds ~650 notes and ~7 s; tests that want it ask for it.
    DEMO_PILOT: 'false',
    ...options.env,
  });
  const composed = await compose(env, createLogger(env.LOG_LEVEL));
  const boot = await bootstrap(composed.deps, () => undefined);
  if (options.workers !== false) await composed.deps.jobs.startWorking(composed.deps, 1);
  const app = createApp(composed.deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    deps: composed.deps,
    passwords: { admin: boot.adminPassword ?? '', demo: boot.demoPassword ?? '' },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await composed.close();
    },
  };
}

export interface TestServer extends RunningApp {
  db: TempDb;
  /** stop and drop the database */
  close(): Promise<void>;
}

export interface TestServerOptions extends StartOptions {
  db?: 'sqlite' | 'postgresql';
}

/**
 * The real app on a random loopback port, against a fresh database, with the
 * demo workspace. Only external services are ever replaced in tests; this is
 * the whole server.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTempDb(options.db ?? 'sqlite');
  const running = await startAppOn(db, options);
  return {
    ...running,
    db,
    async close() {
      await running.stop();
      await db.drop();
    },
  };
}
