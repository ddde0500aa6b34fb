import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../server/deps';
import type { EventBus } from '../../server/events/bus';
import { createSessionCache } from '../../server/modules/auth/session-cache';
import { sessionMiddleware } from '../../server/modules/auth/sessions';

/**
 * Requests of one session that miss the web process's copy together (its
 * copy ran out, or the sliding expiry is due) share one database read and
 * one expiry write, instead of a burst of one each — which at 200
 * connections stalled every request behind it. The database is a counting
 * fake whose answers arrive later, so the requests really overlap.
 */
const TOKEN = 'A'.repeat(43);
const USER = { id: 'u1', username: 'lakare', displayName: 'Läkare', active: true, professionId: null, careUnitId: null, mustChangePassword: false, roles: [{ role: 'clinician' }], groups: [] };

function world(options: { lastSeenAt: number }) {
  const calls = { reads: 0, touches: 0 };
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const bus = { listening: () => true, subscribeTopic: () => () => undefined, publish: async () => undefined } as unknown as EventBus;
  const sessions = createSessionCache({ ttlSeconds: 5, bus, databaseKind: 'sqlite' });
  const prisma = {
    session: {
      findUnique: async () => {
        calls.reads++;
        await gate;
        return { expiresAt: new Date(Date.now() + 3_600_000), lastSeenAt: new Date(options.lastSeenAt), user: USER };
      },
      updateMany: async () => {
        calls.touches++;
        await gate;
        return { count: 1 };
      },
      delete: async () => undefined,
    },
  };
  const deps = { db: { prisma }, sessions, env: { SESSION_TTL_HOURS: 8, COOKIE_SECURE: 'false' } } as unknown as AppDeps;
  const middleware = sessionMiddleware(deps);
  const request = async () => {
    const res = { locals: {} as Record<string, unknown>, cookies: 0, cookie() { this.cookies++; }, clearCookie() {} };
    const req = { headers: { cookie: `jv_session=${TOKEN}` }, secure: false };
    await new Promise<void>((done, fail) => void middleware(req as unknown as Request, res as unknown as Response, ((e?: unknown) => (e ? fail(e) : done())) as NextFunction));
    return { userId: (res.locals.user as { id: string } | null)?.id ?? null, cookies: res.cookies };
  };
  return { calls, sessions, request, open: () => release() };
}

describe('session reads and expiry writes shared by concurrent requests', () => {
  it('fifty requests on a cold copy read the session once and all get the user', async () => {
    const w = world({ lastSeenAt: Date.now() });
    const pending = Array.from({ length: 50 }, () => w.request());
    w.open();
    const results = await Promise.all(pending);
    expect(w.calls.reads).toBe(1);
    expect(results.every((r) => r.userId === 'u1')).toBe(true);
    await w.request(); // answered from the copy now
    expect(w.calls.reads).toBe(1);
  });

  it('a request after an invalidation does not join a read begun before it', async () => {
    const w = world({ lastSeenAt: Date.now() });
    const before = w.request();
    await new Promise((r) => setImmediate(r));
    await w.sessions.invalidate('all');
    const after = w.request();
    w.open();
    await Promise.all([before, after]);
    expect(w.calls.reads).toBe(2);
  });

  it('a due sliding expiry is written once for fifty requests, and each answer renews the cookie', async () => {
    const w = world({ lastSeenAt: Date.now() - 120_000 });
    const pending = Array.from({ length: 50 }, () => w.request());
    w.open();
    const results = await Promise.all(pending);
    expect(w.calls.reads).toBe(1);
    expect(w.calls.touches).toBe(1);
    expect(results.every((r) => r.userId === 'u1' && r.cookies === 1)).toBe(true);
    await w.request(); // written a moment ago: no second write
    expect(w.calls.touches).toBe(1);
  });
});
