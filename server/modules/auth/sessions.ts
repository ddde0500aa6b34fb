import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RoleSchema, type Role } from '../../contracts/roles';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../../http/route';

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

/** Express middleware: resolve the session cookie to res.locals.user (or null). */
export function sessionMiddleware(deps: AppDeps) {
  const cache = deps.sessions;
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.user = null;
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || !TOKEN_SHAPE.test(token)) return next();
    try {
      const id = sha256(token);
      const now = Date.now();
      let session = cache.get(id, now);
      if (!session) {
        const generation = cache.generation();
        // One query for the session and its user: this runs on every API request the cache does not answer.
        const row = await deps.db.prisma.session.findUnique({ where: { id }, select: { expiresAt: true, lastSeenAt: true, user: { select: USER_SELECT } } });
        if (!row || row.expiresAt.getTime() <= now) {
          if (row) await deps.db.prisma.session.delete({ where: { id } }).catch(() => undefined);
          clearSessionCookie(res);
          return next();
        }
        const user = sessionUser(row.user, id);
        if (!user) return next();
        session = { user, expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() };
        cache.put(id, session, generation, now);
      }
      res.locals.user = session.user;
      // Sliding expiry, written at most once a minute to spare the database.
      if (now - session.lastSeenAt > 60_000) {
        const expiresAt = new Date(now + deps.env.SESSION_TTL_HOURS * 3_600_000);
        // updateMany: a session deleted meanwhile (outside the server) is no session, not an error.
        const { count } = await deps.db.prisma.session.updateMany({ where: { id, expiresAt: { gt: new Date(now) } }, data: { lastSeenAt: new Date(now), expiresAt } });
        if (count === 0) {
          cache.drop(id);
          res.locals.user = null;
          clearSessionCookie(res);
          return next();
        }
        session.lastSeenAt = now;
        session.expiresAt = expiresAt.getTime();
        setSessionCookie(req, res, deps, token, expiresAt);
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
