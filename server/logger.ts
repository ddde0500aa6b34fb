/**
 * Structured JSON-lines logger. By design it accepts only a fixed set of
 * non-identifying fields (ids, codes, counts, durations): there is no way to
 * pass free text from a request into the log, so transcripts, notes and names
 * cannot end up there by accident.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface LogFields {
  requestId?: string;
  userId?: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  jobId?: string;
  jobKind?: string;
  code?: string;
  count?: number;
  /** an Error's class and stack only; its message may quote input, so it goes to debug level */
  error?: unknown;
  [key: `n_${string}`]: number | string | boolean | undefined;
}

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createLogger(level: Level | 'silent' = 'info', write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (lvl: Level, event: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const { error, ...rest } = fields;
    const out: Record<string, unknown> = { t: new Date().toISOString(), level: lvl, event, ...rest };
    if (error instanceof Error) {
      out.errorType = error.name;
      // Stack frames name code locations, not data; the message can quote
      // user input, so it is kept only at debug level.
      out.stack = error.stack?.split('\n').slice(1, 6).map((s) => s.trim());
      if (level === 'debug') out.errorMessage = error.message;
    }
    write(JSON.stringify(out));
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}
