import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RoleSchema, type Role } from '../../contracts/roles';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../../http/route';
import type { CachedSession } from './session-cache';
import { singleFlight } from './single-flight';

export const SESSION_COOKIE = 'jv_session';
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Sessions live in the database; the cookie holds a random token, the row its hash. */
export async function createSession(deps: AppDeps, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + deps.env.SESSION_TTL_HOURS * 3_600_000);
  await deps.db.prisma.session.create({ data: { id: sha256(token), userId, expiresAt } });
  return { token, expiresAt };
}

export function setSessionCookie(req: Request, res: Response, deps: AppDeps, token: string, expiresAt: Date): void {
  const secure = deps.env.COOKIE_SECURE === 'auto' ? req.secure : deps.env.COOKIE_SECURE === 'true';
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** A cookie's value, or undefined when it is absent or not valid percent-encoding (a forged or broken cookie is no session). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Our tokens are 32 random bytes in base64url; anything else cannot be a session. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Only the columns a request needs, so the session and its user come back in one query. */
const USER_SELECT = {
  id: true,
  username: true,
  displayName: true,
  active: true,
  professionId: true,
  careUnitId: true,
  mustChangePassword: true,
  roles: { select: { role: true } },
  groups: { select: { groupId: true } },
} as const;

type UserRow = { id: string; username: string; displayName: string; active: boolean; professionId: string | null; careUnitId: string | null; mustChangePassword: boolean; roles: { role: string }[]; groups: { groupId: string }[] };

function sessionUser(user: UserRow | null, sessionId: string | null): SessionUser | null {
  if (!user || !user.active) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.map((r) => r.role).filter((r): r is Role => RoleSchema.safeParse(r).success),
    professionId: user.professionId,
    careUnitId: user.careUnitId,
    mustChangePassword: user.mustChangePassword,
    groupIds: user.groups.map((g) => g.groupId),
    sessionId,
  };
}

export async function loadSessionUser(deps: AppDeps, userId: string, sessionId: string | null): Promise<SessionUser | null> {
  return sessionUser(await deps.db.prisma.user.findUnique({ where: { id: userId }, select: USER_SELECT }), sessionId);
}

/** A session as the middleware reads it from the database: usable, gone (absent or expired), or its user inactive. */
type SessionRead = CachedSession | 'gone' | 'inactive';

async function readSession(deps: AppDeps, id: string, now: number, generation: number): Promise<SessionRead> {
  // One query for the session and its user: this runs on every API request the cache does not answer.
  const row = await deps.db.prisma.session.findUnique({ where: { id }, select: { expiresAt: true, lastSeenAt: true, user: { select: USER_SELECT } } });
  if (!row || row.expiresAt.getTime() <= now) {
    if (row) await deps.db.prisma.session.delete({ where: { id } }).catch(() => undefined);
    return 'gone';
  }
  const user = sessionUser(row.user, id);
  if (!user) return 'inactive';
  const session = { user, expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() };
  deps.sessions.put(id, session, generation, now);
  return session;
}

/** Sliding expiry: what was written, or null when the session was deleted meanwhile (outside the server). */
async function touchSession(deps: AppDeps, id: string, now: number): Promise<{ lastSeenAt: number; expiresAt: Date } | null> {
  const expiresAt = new Date(now + deps.env.SESSION_TTL_HOURS * 3_600_000);
  // updateMany: a session deleted meanwhile is no session, not an error.
  const { count } = await deps.db.prisma.session.updateMany({ where: { id, expiresAt: { gt: new Date(now) } }, data: { lastSeenAt: new Date(now), expiresAt } });
  return count === 0 ? null : { lastSeenAt: now, expiresAt };
}

/** Express middleware: resolve the session cookie to res.locals.user (or null). */
export function sessionMiddleware(deps: AppDeps) {
  const cache = deps.sessions;
  // Requests of one session that miss together share one read and one sliding-expiry write (single-flight.ts).
  const reads = singleFlight<SessionRead>();
  const touches = singleFlight<{ lastSeenAt: number; expiresAt: Date } | null>();
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.user = null;
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || !TOKEN_SHAPE.test(token)) return next();
    try {
      const id = sha256(token);
      const now = Date.now();
      let session = cache.get(id, now);
      if (!session) {
        // Joined only within one generation: a read begun before an invalidation is not shared after it.
        const generation = cache.generation();
        const read = await reads(`${generation}:${id}`, () => readSession(deps, id, now, generation));
        if (read === 'gone') clearSessionCookie(res);
        if (typeof read === 'string') return next();
        session = read;
      }
      res.locals.user = session.user;
      // Sliding expiry, written at most once a minute to spare the database.
      if (now - session.lastSeenAt > 60_000) {
        const touched = await touches(id, () => touchSession(deps, id, now));
        if (!touched) {
          cache.drop(id);
          res.locals.user = null;
          clearSessionCookie(res);
          return next();
        }
        session.lastSeenAt = touched.lastSeenAt;
        session.expiresAt = touched.expiresAt.getTime();
        setSessionCookie(req, res, deps, token, touched.expiresAt);
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

export async function revokeSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db.prisma.session.deleteMany({ where: { id: sessionId } });
  await deps.sessions.invalidate({ sessionId });
}

export async function revokeAllSessions(deps: AppDeps, userId: string): Promise<number> {
  const { count } = await deps.db.prisma.session.deleteMany({ where: { userId } });
  await deps.sessions.invalidate({ userId });
  return count;
}
