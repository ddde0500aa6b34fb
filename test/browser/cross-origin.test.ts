import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium } from '../support/browser';

/**
 * Issue #12 row 2 with a real browser: a page on another origin of the same
 * site (127.0.0.1, another port, so Chromium does send the SameSite=Lax
 * session cookie) submits a form and fires text/plain fetches at logout-all
 * and consent. The server must refuse them; the session and the encounter
 * stay as they were.
 */
describe.skipIf(!chromiumAvailable())('cross-origin requests from a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let evil: http.Server;
  let evilUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ db: 'sqlite', workers: false }), launchChromium()]);
    evil = http.createServer((req, res) => {
      const target = server.baseUrl;
      const encounterId = new URL(req.url ?? '/', 'http://x').searchParams.get('e') ?? '';
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><body>
<form id="f" method="POST" action="${target}/api/v1/encounters/${encounterId}/consent" enctype="text/plain"><input name="a" value="b"></form>
<script>
  Promise.all([
    fetch('${target}/api/v1/auth/logout-all', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
    fetch('${target}/api/v1/encounters/${encounterId}/consent', { method: 'POST', credentials: 'include', mode: 'no-cors', body: 'x' }),
  ]).finally(() => { document.title = 'fetched'; document.getElementById('f').submit(); });
</script></body>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => evil?.close(resolve));
    await server?.close();
  });

  it('refuses the forged form post and fetches; the victim stays signed in and nothing changes', async () => {
    const user = await server.deps.db.prisma.user.update({ where: { username: 'lakare1' }, data: { mustChangePassword: false } });
    const { token } = await createSession(server.deps, user.id);
    const encounter = await server.deps.db.prisma.encounter.create({ data: { label: 'Mål', createdById: user.id, careUnitId: user.careUnitId, professionId: user.professionId } });
    const context = await browser.newContext();
    await context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const refused: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(server.baseUrl)) refused.push(r.status());
    });
    await page.goto(`${evilUrl}/?e=${encounter.id}`);
    await page.waitForURL(`${server.baseUrl}/**`, { timeout: 10_000 });
    // The form post landed on our server and was answered with the problem, not acted on.
    expect(await page.content()).toContain('cross_origin');
    expect(refused).toContain(403);
    expect(await server.deps.db.prisma.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
    expect((await server.deps.db.prisma.encounter.findUniqueOrThrow({ where: { id: encounter.id } })).consentAt).toBeNull();

    // The same session from our own origin still works (the client's same-origin requests pass).
    const own = await context.newPage();
    await own.goto(`${server.baseUrl}/api/v1/health`);
    const status = await own.evaluate(async (id) => (await fetch(`/api/v1/encounters/${id}/consent`, { method: 'POST' })).status, encounter.id);
    expect(status).toBe(200);
    await context.close();
  });
});
