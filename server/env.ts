import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once at start-up; a wrong or missing
 * value stops the process with a message naming the variable and what is
 * allowed (see formatEnvError). Every variable is documented in .env.example.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalUrl = z.url().optional();

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: int(0, 65535).default(8080),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
      .optional(),
    MODELS_DIR: z.string().min(1).default('./models'),
    /** where `npm run models -- pull` downloads from; the server itself never does */
    MODELS_HUB_URL: z.url().default('https://huggingface.co'),
    PUBLIC_URL: optionalUrl,
    DEMO_DATA: bool.default(true),
    /** with DEMO_DATA: an invented pilot (months of synthetic notes, surveys) so the follow-up has something to show */
    DEMO_PILOT: bool.default(true),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

    SESSION_TTL_HOURS: int(1, 24 * 30).default(12),
    /** how long a web process may answer from its own copy of a session (0 = ask the database every request); see server/README.md, Sessions */
    SESSION_CACHE_SECONDS: int(0, 60).default(5),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    LOGIN_MAX_ATTEMPTS: int(1, 1000).default(5),
    LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
    /** log2 of scrypt's N; lower it only in tests */
    SCRYPT_LOG_N: int(10, 20).default(15),
    BODY_LIMIT_KB: int(16, 100_000).default(1024),

    AUDIT_RETENTION_YEARS: int(5, 100).default(5),
    AUDIO_RETENTION_HOURS: int(1, 24 * 365).default(24),
    TRANSCRIPT_RETENTION_DAYS: int(1, 3650).default(90),
    UPLOAD_MAX_MB: int(1, 4096).default(200),
    AUDIO_MAX_MINUTES: int(1, 600).default(90),
    /** where audio and built reports are kept: auto = filesystem on SQLite, database on PostgreSQL (no shared disk) */
    FILE_STORAGE: z.enum(['auto', 'filesystem', 'database']).default('auto'),
    /** how long a built report can be downloaded before the retention sweep deletes it */
    REPORT_RETENTION_HOURS: int(1, 24 * 90).default(72),

    JOB_CONCURRENCY: int(1, 16).default(1),
    /** a running job's lease on PostgreSQL: a crashed worker's job runs again within about this long */
    JOB_LEASE_SECONDS: int(2, 3600).default(30),
    /** live transcript updates: auto = pushed by LISTEN/NOTIFY on PostgreSQL, polled on SQLite; poll forces polling (e.g. behind a transaction-pooling PgBouncer, where LISTEN does not work) */
    LIVE_EVENTS: z.enum(['auto', 'poll']).default('auto'),
    /** web processes on this machine (node:cluster), sharing one port */
    WEB_PROCESSES: int(1, 64).default(1),
    /** run job handlers inside the web process (embedded default) */
    RUN_JOBS_IN_WEB: bool.default(true),
    /** how often a job waiting for a model is tried again */
    JOB_WAITING_RETRY_SECONDS: int(1, 3600).default(30),

    ASR_PROVIDER: z.enum(['local', 'hosted']).default('local'),
    ASR_MODEL: z.string().min(1).default('KBLab/kb-whisper-small'),
    ASR_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'q4', 'q4f16']).default('q8'),
    /** the decoder's own dtype when it differs from ASR_DTYPE (e.g. ASR_DTYPE=fp32 with a q8 decoder; bench/README `asr`) */
    ASR_DECODER_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'q4', 'q4f16']).optional(),
    ASR_LANGUAGE: z.string().min(2).max(8).default('sv'),
    ASR_HOSTED_BASE_URL: optionalUrl,
    ASR_HOSTED_API_KEY: z.string().optional(),
    ASR_HOSTED_MODEL: z.string().default('whisper-1'),

    LLM_PROVIDER: z.enum(['extractive', 'hosted', 'local']).default('extractive'),
    LLM_HOSTED_BASE_URL: optionalUrl,
    LLM_HOSTED_API_KEY: z.string().optional(),
    LLM_HOSTED_MODEL: z.string().default('gpt-4o-mini'),
    LLM_LOCAL_MODEL: z.string().default('HuggingFaceTB/SmolLM2-360M-Instruct'),
    LLM_LOCAL_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'q4', 'q4f16']).default('q4'),

    OIDC_ISSUER: optionalUrl,
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_LABEL: z.string().default('Logga in med regionens konto'),
    /** roles given to a first-time OIDC user, comma separated */
    OIDC_DEFAULT_ROLES: z.string().default('clinician'),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together' });
    }
    if (env.ASR_PROVIDER === 'hosted' && !env.ASR_HOSTED_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['ASR_HOSTED_BASE_URL'], message: 'required when ASR_PROVIDER=hosted' });
    }
    if (env.LLM_PROVIDER === 'hosted' && !env.LLM_HOSTED_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['LLM_HOSTED_BASE_URL'], message: 'required when LLM_PROVIDER=hosted' });
    }
  });

export type RawEnv = z.infer<typeof EnvSchema>;
export interface Env extends RawEnv {
  DATABASE_URL: string;
  databaseKind: 'sqlite' | 'postgresql';
  dataDir: string;
  modelsDir: string;
}

export class EnvError extends Error {}

export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((i) => {
    const name = String(i.path[0] ?? '?');
    return `  ${name}: ${i.message}`;
  });
  return `Felaktig konfiguration / invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable and its allowed values.`;
}

/** Parse the environment; throws EnvError with an operator-friendly message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings in .env files mean "unset", not "invalid".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new EnvError(formatEnvError(parsed.error));
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const url = raw.DATABASE_URL ?? `file:${path.join(dataDir, 'journalverkstan.db')}`;
  return {
    ...raw,
    DATABASE_URL: url,
    databaseKind: url.startsWith('postgres') ? 'postgresql' : 'sqlite',
    dataDir,
    modelsDir: path.resolve(raw.MODELS_DIR),
  };
}

/** For a process's entry point (main.ts, worker.ts): a broken environment prints what is wrong and exits 78 (EX_CONFIG) instead of a stack. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
}
