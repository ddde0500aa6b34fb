import type { Database } from './db/client';
import type { Env } from './env';
import type { EventBus } from './events/bus';
import type { JobContext, JobQueue } from './jobs/queue';
import type { Logger } from './logger';
import type { AuditService } from './modules/audit/service';
import type { FileStores } from './storage/select';
import type { LoginLimiter } from './modules/auth/rate-limit';
import type { SessionCache } from './modules/auth/session-cache';

/**
 * Everything a route or job handler may use, built once in main.ts (or by a
 * test) and passed down. No module reaches for globals or process.env.
 */
export interface AppDeps {
  env: Env;
  db: Database;
  logger: Logger;
  audit: AuditService;
  jobs: JobQueue<AppDeps>;
  /** change notices between processes (LISTEN/NOTIFY on PostgreSQL) */
  events: EventBus;
  /** audio and report files: on disk (embedded) or in the database (scale-out) */
  files: FileStores;
  loginLimiter: LoginLimiter;
  /** this web process's short-lived copies of sessions, dropped everywhere on logout and user changes */
  sessions: SessionCache;
  version: string;
  /** extension point: capabilities registered by later modules (ASR, drafting) */
  services: Record<string, unknown>;
}

/** What a job handler receives: its payload, progress, abort signal and the app's dependencies. */
export type AppJobContext<P = unknown> = JobContext<P, AppDeps>;
