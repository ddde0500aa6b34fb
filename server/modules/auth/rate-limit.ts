import crypto from 'node:crypto';
import type { Database } from '../../db/client';

/**
 * Login throttling. A password check is *reserved* before it runs, in one
 * atomic step, so the limit holds however many attempts arrive at once
 * (issue #12: 200 parallel attempts must not buy 200 checks). Three budgets
 * per window, each counting failed and in-flight checks:
 * - one username from one address: LOGIN_MAX_ATTEMPTS;
 * - one username from anywhere: 4 × that, so guessing from many addresses is
 *   bounded too, while one address alone cannot lock a user out;
 * - one address over all usernames: 10 × that, against password spraying.
 * A successful login clears its username-and-address budget and gives its
 * reservation back.
 *
 * The reservations live in the database (`LoginAttempt`), so the budgets are
 * the same whichever web process (WEB_PROCESSES, or several machines on one
 * PostgreSQL) an attempt reaches: two processes do not give an attacker two
 * budgets. Rows hold a SHA-256 of the budget's name, never a username or an
 * address, and are swept once they leave the window.
 *
 * Atomic on both databases: on SQLite the reservation is one INSERT … SELECT,
 * which takes the database's write lock before it counts; on PostgreSQL the
 * same statement follows a transaction-scoped advisory lock, because there a
 * statement's counts could otherwise miss a concurrent attempt's rows.
 */
export interface LoginAttempt {
  /** seconds to wait when a budget is spent (nothing was reserved), else 0 */
  wait: number;
  /** the check's outcome: a failure keeps its reservation until it leaves the window */
  settle(success: boolean): Promise<void>;
}

export interface LoginLimiter {
  attempt(username: string, address: string, now?: number): Promise<LoginAttempt>;
}

/** Any fixed number: the one advisory lock that serialises reservations on PostgreSQL. */
const PG_LOCK = 0x4a564c47; // "JVLG"

/**
 * A burst of attempts queues for the lock and the pool's connections. The
 * wait is bounded (a connection within BUSY_MS, the lock within BUSY_MS) and
 * an attempt that cannot be reserved in time is answered "wait a second"
 * (429, Retry-After: 1) — under a login flood the limiter refuses, it does
 * not fail (it answered 500 after a 15-s wait before).
 */
const BUSY_MS = 2_000;
const TX_WAIT = { maxWait: BUSY_MS, timeout: 2 * BUSY_MS };
const LOCK_SQL = [`SET LOCAL lock_timeout = ${BUSY_MS}`, `SELECT pg_advisory_xact_lock(${PG_LOCK})`];

/** The transaction could not start in time (Prisma P2028) or the lock was not granted in time (PostgreSQL 55P03, lock_timeout). */
function busy(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  return e?.code === 'P2028' || e?.meta?.driverAdapterError?.cause?.originalCode === '55P03';
}

const hashKey = (name: string) => crypto.createHash('sha256').update(name).digest('hex');

function reserveSql(kind: Database['kind']): string {
  let n = 0;
  const p = () => (kind === 'postgresql' ? `$${++n}` : '?');
  // Parameters in the order they appear (SQLite's ? are positional): at, (id, key) × 3, (key, cutoff, max) × 3.
  const at = p();
  const rows = [0, 1, 2].map((i) => (i === 0 ? `SELECT ${p()} AS "id", ${p()} AS "key"` : `SELECT ${p()}, ${p()}`)).join(' UNION ALL ');
  const within = [0, 1, 2].map(() => `(SELECT count(*) FROM "LoginAttempt" WHERE "key" = ${p()} AND "at" > ${p()}) < ${p()}`).join(' AND ');
  return `INSERT INTO "LoginAttempt" ("id", "key", "at") SELECT v."id", v."key", ${at} FROM (${rows}) AS v WHERE ${within}`;
}

export function createLoginLimiter(db: Database, maxAttempts: number, windowMinutes: number): LoginLimiter {
  const windowMs = windowMinutes * 60_000;
  const prisma = db.prisma;
  const reserve = reserveSql(db.kind);

  /** Seconds until the oldest reservation that keeps this budget spent leaves the window. */
  const waitFor = async (key: string, max: number, cutoff: Date, now: number) => {
    const [blocking] = await prisma.loginAttempt.findMany({ where: { key, at: { gt: cutoff } }, orderBy: { at: 'desc' }, skip: max - 1, take: 1, select: { at: true } });
    return blocking ? Math.max((blocking.at.getTime() + windowMs - now) / 1000, 1) : 0;
  };

  return {
    async attempt(username, address, now = Date.now()) {
      const name = username.normalize('NFC').toLocaleLowerCase('sv');
      const budgets: [string, number][] = [
        [hashKey(`pair|${name}|${address}`), maxAttempts],
        [hashKey(`user|${name}`), maxAttempts * 4],
        [hashKey(`addr|${address}`), maxAttempts * 10],
      ];
      const cutoff = new Date(now - windowMs);
      // Reservations that left the window count for nothing; dropping them keeps the table small.
      await prisma.loginAttempt.deleteMany({ where: { at: { lte: cutoff } } });
      const ids = budgets.map(() => crypto.randomUUID());
      const params = [new Date(now), ...budgets.flatMap(([key], i) => [ids[i], key]), ...budgets.flatMap(([key, max]) => [key, cutoff, max])];
      let inserted: number;
      try {
        inserted =
          db.kind === 'postgresql'
            ? (await prisma.$transaction([...LOCK_SQL.map((sql) => prisma.$executeRawUnsafe(sql)), prisma.$executeRawUnsafe(reserve, ...params)], TX_WAIT))[2]!
            : await prisma.$executeRawUnsafe(reserve, ...params);
      } catch (error) {
        if (busy(error)) return { wait: 1, settle: async () => undefined };
        throw error;
      }
      if (inserted === 0) {
        const waits = await Promise.all(budgets.map(([key, max]) => waitFor(key, max, cutoff, now)));
        // A budget freed between the two statements still answers "wait a second", never "go ahead unreserved".
        return { wait: Math.max(1, ...waits), settle: async () => undefined };
      }
      return {
        wait: 0,
        async settle(success) {
          if (!success) return;
          await prisma.loginAttempt.deleteMany({ where: { OR: [{ key: budgets[0]![0] }, { id: { in: ids.slice(1) } }] } });
        },
      };
    },
  };
}
