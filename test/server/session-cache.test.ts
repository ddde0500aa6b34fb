import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../../server/events/bus';
import { createSessionCache } from '../../server/modules/auth/session-cache';
import { startAppOn, type RunningApp } from '../support/app';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';
import { Client } from '../support/http';
import { ROLE_USERS, signedIn } from '../support/world';

/**
 * The web processes' session copies (SESSION_CACHE_SECONDS) must never let a
 * logged-out, re-passworded or demoted user in. The copies here live 60 s,
 * so anything that takes effect does so by invalidation, not by expiry.
 * PostgreSQL: two servers on one database (two processes' worth: each its
 * own LISTEN connection); a change through A must stop the copy in B.
 */
const pg = await postgresAvailable();
const LONG = { SESSION_CACHE_SECONDS: '60' };

/** B sees the change within a second (a notice is milliseconds; the copy would live 60 s). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the other process still used its copy after 1 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const me = (c: Client) => c.get('/api/v1/auth/me').then((r) => r.status);
const sameBrowser = (c: Client, baseUrl: string) => new Client(baseUrl).setCookie('jv_session', c.cookieHeader().replace(/^.*jv_session=/, '').split(';')[0]!);

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('session copies on $kind', ({ kind, skip }) => {
  let db: TempDb;
  let a: RunningApp;
  let b: RunningApp; // on SQLite the same server: one process is what SQLite runs without node:cluster

  beforeAll(async () => {
    if (skip) return;
    db = await createTempDb(kind);
    a = await startAppOn(db, { workers: false, env: LONG });
    b = kind === 'postgresql' ? await startAppOn(db, { workers: false, env: LONG }) : a;
    if (kind === 'postgresql') await eventually(async () => a.deps.events.listening() && b.deps.events.listening());
  });
  afterAll(async () => {
    if (b && b !== a) await b.stop();
    await a?.stop();
    await db?.drop();
  });

  it.skipIf(skip)('logout through A ends the session in B at once', async () => {
    const viaA = await signedIn(a.deps, a.baseUrl, ROLE_USERS.clinician);
    const viaB = sameBrowser(viaA, b.baseUrl);
    expect(await me(viaB)).toBe(200);
    expect(await me(viaB)).toBe(200); // answered from B's copy now
    expect((await viaA.post('/api/v1/auth/logout')).status).toBe(204);
    await eventually(async () => (await me(viaB)) === 401);
  });

  it.skipIf(skip)('logout everywhere and a password change end every other session in B', async () => {
    const first = await signedIn(a.deps, a.baseUrl, ROLE_USERS.otherClinician);
    const second = sameBrowser(await signedIn(a.deps, a.baseUrl, ROLE_USERS.otherClinician), b.baseUrl);
    expect(await me(second)).toBe(200);
    expect((await first.post('/api/v1/auth/logout-all')).status).toBe(204);
    await eventually(async () => (await me(second)) === 401);

    const designer = await signedIn(a.deps, a.baseUrl, ROLE_USERS.designer);
    const other = sameBrowser(await signedIn(a.deps, a.baseUrl, ROLE_USERS.designer), b.baseUrl);
    const password = 'Gammalt-lösen-123';
    const { hashPassword } = await import('../../server/modules/auth/passwords');
    const user = await a.deps.db.prisma.user.findUniqueOrThrow({ where: { username: ROLE_USERS.designer } });
    await a.deps.db.prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password, 10) } });
    expect(await me(other)).toBe(200);
    expect((await designer.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'Nytt-lösen-för-test-456' })).status).toBe(204);
    await eventually(async () => (await me(other)) === 401);
    expect(await me(designer)).toBe(200); // the session that changed it goes on, with its new cookie
  });

  it.skipIf(skip)("an admin's role change and deactivation reach B's copy at once", async () => {
    const admin = await signedIn(a.deps, a.baseUrl, ROLE_USERS.admin);
    const lead = await a.deps.db.prisma.user.findUniqueOrThrow({ where: { username: ROLE_USERS.lead } });
    const viaB = sameBrowser(await signedIn(a.deps, a.baseUrl, ROLE_USERS.lead), b.baseUrl);
    expect((await viaB.get('/api/v1/auth/me')).body.roles).toContain('lead');
    expect((await admin.patch(`/api/v1/admin/users/${lead.id}`, { roles: ['clinician'] })).status).toBe(200);
    await eventually(async () => !(await viaB.get('/api/v1/auth/me')).body.roles.includes('lead'));
    expect((await admin.patch(`/api/v1/admin/users/${lead.id}`, { active: false })).status).toBe(200);
    await eventually(async () => (await me(viaB)) === 401);
  });
});

describe('the session copy itself', () => {
  const user = { id: 'u1', username: 'x', displayName: 'X', roles: [], professionId: null, careUnitId: null, mustChangePassword: false, groupIds: [], sessionId: 's1' };
  const entry = () => ({ user, expiresAt: Date.now() + 3_600_000, lastSeenAt: Date.now() });
  const fakeBus = (listening: boolean): EventBus & { fire(id: string | null): void } => {
    let listener: ((id: string | null) => void) | undefined;
    return {
      kind: 'push',
      publish: async () => undefined,
      subscribe: () => () => undefined,
      subscribeTopic: (_t, l) => ((listener = l), () => undefined),
      listening: () => listening,
      close: async () => undefined,
      fire: (id) => listener?.(id),
    };
  };

  it('does not keep a read that started before an invalidation (a logout racing with a request)', async () => {
    const cache = createSessionCache({ ttlSeconds: 60, bus: fakeBus(true), databaseKind: 'postgresql' });
    const generation = cache.generation(); // the request starts reading the session
    await cache.invalidate({ userId: 'u1' }); // meanwhile: logout everywhere
    cache.put('s1', entry(), generation); // the request's (stale) read comes back
    expect(cache.get('s1')).toBeUndefined();
  });

  it('on PostgreSQL keeps nothing while its LISTEN connection is down, and forgets everything when it drops', () => {
    const down = createSessionCache({ ttlSeconds: 60, bus: fakeBus(false), databaseKind: 'postgresql' });
    down.put('s1', entry(), down.generation());
    expect(down.get('s1')).toBeUndefined();
    const bus = fakeBus(true);
    const up = createSessionCache({ ttlSeconds: 60, bus, databaseKind: 'postgresql' });
    up.put('s1', entry(), up.generation());
    expect(up.get('s1')?.user.id).toBe('u1');
    bus.fire(null); // the connection dropped: notices may be lost
    expect(up.get('s1')).toBeUndefined();
  });

  it('expires copies after SESSION_CACHE_SECONDS and is off at 0', () => {
    const cache = createSessionCache({ ttlSeconds: 5, bus: fakeBus(false), databaseKind: 'sqlite' });
    const now = Date.now();
    cache.put('s1', entry(), cache.generation(), now);
    expect(cache.get('s1', now + 4_000)).toBeDefined();
    expect(cache.get('s1', now + 5_001)).toBeUndefined();
    const off = createSessionCache({ ttlSeconds: 0, bus: fakeBus(true), databaseKind: 'sqlite' });
    off.put('s1', entry(), off.generation());
    expect(off.get('s1')).toBeUndefined();
  });
});
