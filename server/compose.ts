import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db/client';
import { pollingBus, postgresBus } from './events/bus';
import { migrate } from './db/migrate';
import type { AppDeps } from './deps';
import type { Env } from './env';
import { createInProcessQueue } from './jobs/in-process';
import { createPgBossQueue } from './jobs/pg-boss';
import { createLogger, type Logger } from './logger';
import { createAuditService } from './modules/audit/service';
import { createLoginLimiter } from './modules/auth/rate-limit';
import { createSessionCache } from './modules/auth/session-cache';
import { registerModules } from './modules/register';
import { LocalChatModels } from './pipeline/llm/local-chat-models';
import { openFileStores } from './storage/select';

const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8')) as { version: string };

export interface Composed {
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * Build every dependency from the parsed environment: apply migrations, open
 * the database, pick the queue for the database kind, register the modules'
 * job handlers and model-status providers. Used by the web process, the
 * worker and the tests alike.
 */
export async function compose(env: Env, logger: Logger = createLogger(env.LOG_LEVEL)): Promise<Composed> {
  // Patient data (database, audio) lives here: only the server's user may enter.
  fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  await migrate(env.DATABASE_URL);
  const db = await openDatabase(env.DATABASE_URL);
  const waitingRetryMs = env.JOB_WAITING_RETRY_SECONDS * 1000;
  const jobs = env.databaseKind === 'postgresql' ? createPgBossQueue(db, waitingRetryMs) : createInProcessQueue(db, 1000, waitingRetryMs);
  const events = env.databaseKind === 'postgresql' && env.LIVE_EVENTS === 'auto' ? postgresBus(db, logger) : pollingBus();
  const deps: AppDeps = {
    env,
    db,
    logger,
    audit: createAuditService(db, logger, env.AUDIT_RETENTION_YEARS),
    jobs,
    events,
    files: openFileStores(env, db),
    loginLimiter: createLoginLimiter(db, env.LOGIN_MAX_ATTEMPTS, env.LOGIN_WINDOW_MINUTES),
    sessions: createSessionCache({ ttlSeconds: env.SESSION_CACHE_SECONDS, bus: events, databaseKind: env.databaseKind }),
    version: pkg.version,
    services: {
      modelStatus: [],
      disposers: [],
      localChatModels: new LocalChatModels(env.modelsDir, env.LLM_LOCAL_DTYPE, env.LLM_LOCAL_MODEL),
      transcribers: {},
      recordingStreams: new Set(),
    },
  };
  registerModules(deps);
  return {
    deps,
    async close() {
      await jobs.stop();
      deps.sessions.close();
      await events.close();
      for (const dispose of deps.services.disposers) await dispose().catch(() => undefined);
      await db.close();
    },
  };
}
