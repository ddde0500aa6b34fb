import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';

/**
 * OpenID Connect sign-in against a real OIDC provider (the `oidc-provider`
 * package) started inside the test: authorization code flow with PKCE,
 * state and nonce, through the provider's own login and consent pages.
 */
describe('OIDC sign-in', () => {
  let server: TestServer;
  let idp: http.Server;
  let idpUrl: string;

  beforeAll(async () => {
    idp = http.createServer();
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
    idpUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    server = await startTestServer({
      env: { OIDC_ISSUER: idpUrl, OIDC_CLIENT_ID: 'journalverkstan', OIDC_CLIENT_SECRET: 'hemligt-test-secret-0123456789', OIDC_DEFAULT_ROLES: 'clinician' },
    });
    const provider = new Provider(idpUrl, {
      clients: [
        {
          client_id: 'journalverkstan',
          client_secret: 'hemligt-test-secret-0123456789',
          redirect_uris: [`${server.baseUrl}/api/v1/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
      findAccount: async (_ctx, sub) => ({
        accountId: sub,
        claims: async () => ({ sub, name: 'Sso Användare', preferred_username: `sso.${sub}` }),
      }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['test-cookie-key'] },
    });
    idp.on('request', provider.callback());
  });
  afterAll(async () => {
    await server?.close();
    idp?.closeAllConnections();
    await new Promise((r) => idp?.close(r));
  });

  /** A browser in miniature: follows redirects, keeps cookies per origin, submits the provider's forms. */
  async function browse(start: string): Promise<{ finalUrl: string; cookies: Map<string, Map<string, string>> }> {
    const jars = new Map<string, Map<string, string>>();
    let url = start;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 20; hop++) {
      const origin = new URL(url).origin;
      const jar = jars.get(origin) ?? new Map<string, string>();
      jars.set(origin, jar);
      const res = await fetch(url, {
        method,
        body,
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [k, ...v] = pair!.split('=');
        if (v.join('=')) jar.set(k!, v.join('='));
        else jar.delete(k!);
      }
      method = 'GET';
      body = undefined;
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url).toString();
        continue;
      }
      const html = await res.text();
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html);
      if (origin === idpUrl && form) {
        const isLogin = /name="login"/.test(html);
        const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, k, v]) => `${k}=${encodeURIComponent(v!)}`);
        body = [...hidden, ...(isLogin ? ['login=1001', 'password=any'] : [])].join('&');
        if (!hidden.some((h) => h.startsWith('prompt='))) body += `&prompt=${isLogin ? 'login' : 'consent'}`;
        url = new URL(form[1]!, url).toString();
        method = 'POST';
        continue;
      }
      return { finalUrl: url, cookies: jars };
    }
    throw new Error('too many redirects');
  }

  it('advertises OIDC and signs a user in through the identity provider', async () => {
    const config = await (await fetch(`${server.baseUrl}/api/v1/auth/oidc/config`)).json();
    expect(config).toEqual({ enabled: true, label: 'Logga in med regionens konto' });

    const { finalUrl, cookies } = await browse(`${server.baseUrl}/api/v1/auth/oidc/start?returnTo=/anteckningar`);
    expect(new URL(finalUrl).pathname).toBe('/anteckningar');
    const session = cookies.get(server.baseUrl)?.get('jv_session');
    expect(session).toBeTruthy();
    const me = await (await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { cookie: `jv_session=${session}` } })).json();
    expect(me).toMatchObject({ username: 'sso.1001', displayName: 'Sso Användare', roles: ['clinician'], mustChangePassword: false });

    // A second sign-in finds the same account instead of creating another.
    await browse(`${server.baseUrl}/api/v1/auth/oidc/start`);
    expect(await server.deps.db.prisma.user.count({ where: { username: { startsWith: 'sso.' } } })).toBe(1);
    const logins = await server.deps.db.prisma.auditEvent.count({ where: { action: 'auth.login_oidc', outcome: 'success' } });
    expect(logins).toBe(2);
  });

  it('refuses a callback that was not started here (no flow cookie)', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toMatch(/Försök igen/);
  });
});
