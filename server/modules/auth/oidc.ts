import type { Request } from 'express';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { RoleSchema } from '../../contracts/roles';
import type { AppDeps } from '../../deps';
import { AppError, serviceUnavailable, unauthenticated } from '../../errors';
import { route, type RouteDef } from '../../http/route';
import { createSession, readCookie, setSessionCookie } from './sessions';
import { OidcConfigSchema } from '../../contracts/api/auth';

/**
 * Optional OpenID Connect sign-in (authorization code + PKCE) against the
 * region's identity provider. The PKCE verifier, state and nonce travel in a
 * short-lived HttpOnly cookie rather than server memory, so any web process
 * behind a load balancer can finish the flow.
 */
const FLOW_COOKIE = 'jv_oidc';
const FLOW_PATH = '/api/v1/auth/oidc';

const FlowSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), returnTo: z.string() });

const configs = new Map<string, Promise<oidc.Configuration>>();

function enabled(deps: AppDeps): boolean {
  return !!(deps.env.OIDC_ISSUER && deps.env.OIDC_CLIENT_ID && deps.env.OIDC_CLIENT_SECRET);
}

async function configuration(deps: AppDeps): Promise<oidc.Configuration> {
  const issuer = deps.env.OIDC_ISSUER!;
  let cached = configs.get(issuer);
  if (!cached) {
    const url = new URL(issuer);
    // Plain http is allowed only for a provider on this machine (tests, dev).
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    cached = oidc.discovery(url, deps.env.OIDC_CLIENT_ID!, deps.env.OIDC_CLIENT_SECRET!, undefined, {
      execute: loopback && url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    });
    cached.catch(() => configs.delete(issuer));
    configs.set(issuer, cached);
  }
  return cached;
}

function callbackUrl(req: Request, deps: AppDeps): string {
  const base = deps.env.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`;
  return new URL(`${FLOW_PATH}/callback`, base).toString();
}

async function userForClaims(deps: AppDeps, claims: oidc.IDToken & Record<string, unknown>) {
  const subject = `${deps.env.OIDC_ISSUER}|${claims.sub}`;
  const existing = await deps.db.prisma.user.findUnique({ where: { oidcSubject: subject } });
  if (existing) return existing;
  const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : `oidc-${claims.sub}`;
  const taken = await deps.db.prisma.user.findUnique({ where: { username: preferred } });
  const roles = deps.env.OIDC_DEFAULT_ROLES.split(',').map((r) => r.trim()).filter((r) => RoleSchema.safeParse(r).success);
  return deps.db.prisma.user.create({
    data: {
      username: taken ? `${preferred}-${claims.sub.slice(0, 8)}` : preferred,
      displayName: typeof claims.name === 'string' ? claims.name : preferred,
      oidcSubject: subject,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
}

export const oidcRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/auth/oidc/config',
    response: OidcConfigSchema,
    access: 'public',
    summary: 'Är inloggning via regionens identitetstjänst påslagen?',
    handler: async ({ deps }) => ({ enabled: enabled(deps), label: deps.env.OIDC_LABEL }),
  }),
  route({
    method: 'get',
    path: '/auth/oidc/start',
    response: 'redirect',
    access: 'public',
    summary: 'Starta OIDC-inloggning',
    query: z.object({ returnTo: z.string().regex(/^\/($|[^/])/, 'En sökväg inom arbetsbänken').max(200).optional() }),
    handler: async ({ req, res, deps, query }) => {
      if (!enabled(deps)) throw serviceUnavailable('Inloggning via identitetstjänst är inte konfigurerad.', 'oidc_disabled');
      const config = await configuration(deps);
      const flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo: query.returnTo ?? '/' };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl(req, deps),
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      res.cookie(FLOW_COOKIE, JSON.stringify(flow), { httpOnly: true, sameSite: 'lax', path: FLOW_PATH, maxAge: 600_000 });
      res.redirect(302, url.toString());
    },
  }),
  route({
    method: 'get',
    path: '/auth/oidc/callback',
    response: 'redirect',
    access: 'public',
    summary: 'Avsluta OIDC-inloggning',
    handler: async ({ req, res, deps, requestId }) => {
      if (!enabled(deps)) throw serviceUnavailable('Inloggning via identitetstjänst är inte konfigurerad.', 'oidc_disabled');
      const raw = readCookie(req, FLOW_COOKIE);
      const flow = FlowSchema.safeParse(raw ? safeJson(raw) : null);
      if (!flow.success) throw unauthenticated('Inloggningen tog för lång tid eller startades inte här. Försök igen.');
      const config = await configuration(deps);
      const current = new URL(callbackUrl(req, deps));
      current.search = new URL(req.originalUrl, 'http://x').search;
      let claims: (oidc.IDToken & Record<string, unknown>) | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.data.verifier,
          expectedState: flow.data.state,
          expectedNonce: flow.data.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims() as typeof claims;
        // Providers put profile claims (name, preferred_username) in the ID
        // token or only at the userinfo endpoint; ask it when they are absent.
        if (claims && !claims.name && tokens.access_token) {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
          claims = { ...info, ...claims, name: info.name, preferred_username: info.preferred_username } as typeof claims;
        }
      } catch {
        throw new AppError(401, 'oidc_failed', 'Inloggningen misslyckades', 'Identitetstjänsten godkände inte inloggningen.');
      }
      if (!claims) throw new AppError(401, 'oidc_failed', 'Inloggningen misslyckades', 'Ingen identitet returnerades.');
      const user = await userForClaims(deps, claims);
      if (!user.active) throw unauthenticated('Kontot är inaktiverat.');
      const { token, expiresAt } = await createSession(deps, user.id);
      res.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      setSessionCookie(req, res, deps, token, expiresAt);
      await deps.audit.record({ user: null, actorId: user.id, action: 'auth.login_oidc', kind: 'login', outcome: 'success', requestId });
      res.redirect(302, flow.data.returnTo);
    },
  }),
];

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
