import pgLib from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppOn, type RunningApp } from '../support/app';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';
import { Client } from '../support/http';

/**
 * The login throttle is one budget for every web process: two servers on one
 * database (each its own database connections, as two processes or machines
 * have) must not give an attacker twice the attempts. On SQLite (two
 * connections to one file, as node:cluster's web processes have) and on
 * PostgreSQL.
 */
const pg = await postgresAvailable();
const MAX = 5;

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('login throttle shared by two servers on $kind', ({ kind, skip }) => {
  let db: TempDb;
  let a: RunningApp;
  let b: RunningApp;
  let demoPassword: string;
  const env = { SCRYPT_LOG_N: '13', LOGIN_MAX_ATTEMPTS: String(MAX) };

  beforeAll(async () => {
    if (skip) return;
    db = await createTempDb(kind);
    a = await startAppOn(db, { workers: false, env });
    b = await startAppOn(db, { workers: false, env });
    demoPassword = a.passwords.demo;
  });
  beforeEach(async () => {
    if (a) await a.deps.db.prisma.loginAttempt.deleteMany();
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await db?.drop();
  });

  const login = (app: RunningApp, username: string, password = 'fel-lösenord-123') => new Client(app.baseUrl).post('/api/v1/auth/login', { username, password });
  /** password checks that ran: each is one access-log row `auth.login` */
  const checks = () => a.deps.db.prisma.auditEvent.count({ where: { action: 'auth.login' } });

  it.skipIf(skip)('200 parallel wrong passwords spread over both servers buy LOGIN_MAX_ATTEMPTS checks in all, not per server', async () => {
    const before = await checks();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => login(i % 2 ? b : a, 'ssk1')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(MAX);
    expect(statuses.filter((s) => s === 429).length).toBe(200 - MAX);
    expect(await checks()).toBe(before + MAX);
    const limited = results.find((r) => r.status === 429)!;
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect(limited.body.title).toBe('För många försök');
    expect(limited.body.detail).toMatch(/^Vänta \d+ minuter och försök igen\.$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Neither server lets the right password through now; another user is not affected.
    expect((await login(a, 'ssk1', demoPassword)).status).toBe(429);
    expect((await login(b, 'ssk1', demoPassword)).status).toBe(429);
    expect((await login(b, 'ssk2', demoPassword)).status).toBe(200);
  });

  it.skipIf(skip)('failures through A count in B, and a success through B clears the budget A filled', async () => {
    for (let i = 0; i < MAX - 1; i++) expect((await login(a, 'fysio1')).status).toBe(401);
    expect((await login(b, 'fysio1', demoPassword)).status).toBe(200);
    for (let i = 0; i < MAX; i++) expect((await login(i % 2 ? a : b, 'fysio1')).status).toBe(401);
    expect((await login(a, 'fysio1')).status).toBe(429);
    expect((await login(b, 'fysio1')).status).toBe(429);
  });

  it.skipIf(skip || kind !== 'postgresql')('a limiter that cannot reserve in time answers 429 with Retry-After within seconds, not 500 after a long wait', async () => {
    // another session holds the reservations' lock, as a flood of attempts ahead in the queue would
    const holder = new pgLib.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [0x4a564c47]);
      const started = Date.now();
      const res = await login(a, 'arbetsterapeut1');
      expect(res.status, JSON.stringify(res.body)).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body.title).toBe('För många försök');
      expect(Date.now() - started).toBeLessThan(5_000);
      // nothing was reserved and no password was checked
      expect(await a.deps.db.prisma.loginAttempt.count()).toBe(0);
    } finally {
      await holder.end();
    }
    expect((await login(b, 'arbetsterapeut1')).status).toBe(401);
  });

  it.skipIf(skip)('the stored budgets name no username or address', async () => {
    expect((await login(a, 'kurator1')).status).toBe(401);
    const rows = await a.deps.db.prisma.loginAttempt.findMany();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
  });
});
