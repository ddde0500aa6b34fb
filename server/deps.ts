import type { Database } from './db/client';
import type { Env } from './env';
import type { EventBus } from './events/bus';
import type { JobContext, JobQueue } from './jobs/queue';
import type { Logger } from './logger';
import type { AuditService } from './modules/audit/service';
import type { FileStores } from './storage/select';
import type { LoginLimiter } from './modules/auth/rate-limit';
import type { SessionCache } from './modules/auth/session-cache';
import type { LocalWhisperTranscriber } from './pipeline/asr/local-whisper';
import type { Transcriber } from './pipeline/asr/transcriber';
import type { LocalChatModels } from './pipeline/llm/local-chat-models';
import type { ModelStatusProvider } from './pipeline/runtime/model-status';

/**
 * The live transcript's windowing as the app sees it (modules/recordings/live.ts
 * implements it); declared here so the dependencies need not import a module.
 */
export interface LiveWindowingService {
  chunkAcknowledged(recordingId: string, createdById: string): void;
  finish(recordingId: string): Promise<void>;
  close(): Promise<void>;
}

/** The capabilities modules share, created in compose.ts (or on first use where noted). */
export interface AppServices {
  /** health's model reports: one provider per capability that owns models */
  modelStatus: ModelStatusProvider[];
  /** shutdown steps, run in order by compose's close() */
  disposers: Array<() => Promise<void>>;
  /** one local chat model per id, shared by the local drafter and the /v1 gateway */
  localChatModels: LocalChatModels;
  /** created on first use (recordings/transcriber.ts) so no model loads before it is needed */
  transcribers: { configured?: Transcriber; local?: LocalWhisperTranscriber };
  /** created when the recordings module registers (recordings/live.ts) */
  live?: LiveWindowingService;
  /** open recording-event streams, each ended at shutdown */
  recordingStreams: Set<() => void>;
}

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
  services: AppServices;
}

/** What a job handler receives: its payload, progress, abort signal and the app's dependencies. */
export type AppJobContext<P = unknown> = JobContext<P, AppDeps>;
