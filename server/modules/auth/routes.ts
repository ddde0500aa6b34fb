import { z } from 'zod';
import { badRequest, tooManyRequests, unauthenticated } from '../../errors';
import { noContent, route, type RouteDef } from '../../http/route';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from './passwords';
import { clearSessionCookie, createSession, loadSessionUser, revokeAllSessions, revokeSession, setSessionCookie } from './sessions';
import { describeMe } from './me';
import { oidcRoutes } from './oidc';
import { MeSchema, SessionSchema } from '../../contracts/api/auth';
import { NoContentSchema } from '../../contracts/api/common';

const LoginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });
const PasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });

export const authRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/auth/login',
    response: MeSchema,
    access: 'public',
    summary: 'Logga in med lokalt konto',
    body: LoginBody,
    handler: async ({ req, res, body, deps, requestId }) => {
      const attempt = await deps.loginLimiter.attempt(body.username, req.ip ?? 'unknown');
      if (attempt.wait > 0) throw tooManyRequests(attempt.wait);
      const user = await deps.db.prisma.user.findUnique({ where: { username: body.username } });
      // The same scrypt work whether or not the user exists, is active or has a
      // password: the answer's timing must not tell which usernames exist.
      const matches = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash(deps.env.SCRYPT_LOG_N)));
      const ok = !!user && user.active && !!user.passwordHash && matches;
      // A reservation that cannot be given back only counts as one failed attempt: the login itself goes on.
      await attempt.settle(ok).catch((error: unknown) => deps.logger.warn('auth.limiter_settle_failed', { requestId, error }));
      if (!ok || !user) {
        await deps.audit.record({ user: null, actorId: user?.id ?? null, action: 'auth.login', kind: 'login', outcome: 'denied', requestId });
        throw unauthenticated('Fel användarnamn eller lösenord.');
      }
      // The row first: a session is only handed out once its login is logged.
      await deps.audit.record({ user: null, actorId: user.id, action: 'auth.login', kind: 'login', outcome: 'success', requestId });
      const { token, expiresAt } = await createSession(deps, user.id);
      setSessionCookie(req, res, deps, token, expiresAt);
      const sessionUser = await loadSessionUser(deps, user.id, null);
      return describeMe(deps, sessionUser!);
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    response: NoContentSchema,
    access: 'authenticated',
    allowWithOneTimePassword: true,
    summary: 'Logga ut denna session',
    handler: async ({ res, user, deps }) => {
      if (user?.sessionId) await revokeSession(deps, user.sessionId);
      clearSessionCookie(res);
      return noContent();
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout-all',
    response: NoContentSchema,
    access: 'authenticated',
    allowWithOneTimePassword: true,
    summary: 'Logga ut överallt',
    handler: async ({ res, user, deps }) => {
      await revokeAllSessions(deps, user.id);
      clearSessionCookie(res);
      return noContent();
    },
  }),
  // The web client's first request on every page load. Not signed in is a normal answer here, not a 401:
  // a 401 shows up as a red error in the browser's console before anyone has done anything.
  route({
    method: 'get',
    path: '/auth/session',
    response: SessionSchema,
    access: 'public',
    allowWithOneTimePassword: true,
    summary: 'Inloggad användare, om någon',
    handler: async ({ user, deps }) => ({ me: user ? await describeMe(deps, user) : null }),
  }),
  route({
    method: 'get',
    path: '/auth/me',
    response: MeSchema,
    access: 'authenticated',
    allowWithOneTimePassword: true,
    summary: 'Inloggad användare',
    handler: async ({ user, deps }) => describeMe(deps, user),
  }),
  route({
    method: 'post',
    path: '/auth/password',
    response: NoContentSchema,
    access: 'authenticated',
    allowWithOneTimePassword: true,
    summary: 'Byt lösenord',
    body: PasswordBody,
    handler: async ({ req, res, body, user, deps }) => {
      const row = await deps.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!(await verifyPassword(body.currentPassword, row.passwordHash))) {
        throw badRequest('Nuvarande lösenord stämmer inte.', [{ field: 'body.currentPassword', message: 'Stämmer inte' }]);
      }
      const problems = passwordProblems(body.newPassword, row.username);
      if (body.newPassword === body.currentPassword) problems.push('Det nya lösenordet måste skilja sig från det gamla.');
      if (problems.length) {
        throw badRequest(problems.join(' '), problems.map((message) => ({ field: 'body.newPassword', message })));
      }
      await deps.db.prisma.user.update({
        where: { id: row.id },
        data: { passwordHash: await hashPassword(body.newPassword, deps.env.SCRYPT_LOG_N), mustChangePassword: false },
      });
      // A changed password ends every other session; this one continues fresh.
      await revokeAllSessions(deps, row.id);
      const { token, expiresAt } = await createSession(deps, row.id);
      setSessionCookie(req, res, deps, token, expiresAt);
      return noContent();
    },
  }),
  ...oidcRoutes,
];
