import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { SCREENSHOTS } from '../support/layout';
import { preparePageTour, type TourPage } from '../support/page-tour';
import { findTextProblems, pageText } from '../support/swedish-text';

/**
 * Swedish everywhere: every page of the layout tour, on the demo workspace
 * with its invented pilot, as each role's demo user and as one person with
 * every role. A page fails on a program key, an English word or raw code
 * from the list, a decimal point, a doubled word or "1" with a plural
 * (rules in test/support/swedish-text.ts). The access log is searched so
 * its rows are read too.
 */
const ROLE_USERS = [
  { role: 'kliniker', username: 'lakare1' },
  { role: 'arbetsgrupp', username: 'design1' },
  { role: 'projektledare', username: 'ledare1' },
  { role: 'administratör', username: 'admin' },
];

describe.skipIf(!chromiumAvailable())('svenska på varje sida', () => {
  let server: TestServer;
  let browser: Browser;
  let allRoles: string;
  let pages: TourPage[] = [];
  let usernames: string[] = [];

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ db: 'sqlite', env: { DEMO_PILOT: 'true' } }), launchChromium()]);
    const db = server.deps.db.prisma;
    await db.user.updateMany({ data: { mustChangePassword: false } });
    const tour = await preparePageTour(server, browser);
    allRoles = tour.token;
    // Usernames are the users' data ("pilot.lakare.1"), not the program's words.
    usernames = (await db.user.findMany({ select: { username: true } })).map((u) => u.username).sort((a, b) => b.length - a.length);
    pages = tour.pages;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tokenFor = async (username: string) => {
    const user = await server.deps.db.prisma.user.findUniqueOrThrow({ where: { username } });
    return (await createSession(server.deps, user.id)).token;
  };

  for (const who of [...ROLE_USERS, { role: 'alla roller', username: 'lakare2' }]) {
    it(`som ${who.role} (${who.username}): inga nycklar, engelska ord, koder eller decimalpunkter`, async () => {
      const { context, page, pageErrors } = await openPage(browser, server.baseUrl, { width: 1366, height: 768 });
      context.setDefaultTimeout(15_000);
      const token = who.username === 'lakare2' ? allRoles : await tokenFor(who.username);
      await context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
      const problems: string[] = [];
      const read = async (name: string) => {
        for (const p of findTextProblems(await pageText(page), usernames)) problems.push(`${name}: ${p.rule} "${p.match}" i «${p.context}»`);
      };
      for (const target of pages) {
        await page.goto(target.path);
        // A page shows its heading, or (someone else's encounter, a group not one's own) the refusal.
        const shown = await page.locator('main h1, main [role="alert"]').first().waitFor().then(() => true, () => false);
        if (!shown) problems.push(`${target.name}: varken rubrik eller felmeddelande visades`);
        await page.waitForLoadState('networkidle');
        await read(target.name);
        if (target.name === 'admin-atkomstlogg' && who.username === 'admin') {
          // The log's rows: every access of a demo clinician.
          await page.getByRole('radio', { name: 'En användare' }).check();
          await page.getByRole('combobox', { name: 'Användare' }).selectOption({ label: 'Demoläkare Två (lakare2)' });
          await page.getByRole('button', { name: 'Visa utdrag' }).click();
          await page.getByRole('heading', { name: /händelser/ }).waitFor();
          await read('admin-atkomstlogg-rader');
          await page.screenshot({ path: path.join(SCREENSHOTS, 'svenska-atkomstlogg.png'), fullPage: true });
        }
      }
      await context.close();
      expect([...new Set(problems)]).toEqual([]);
      expect(pageErrors).toEqual([]);
    }, 300_000);
  }
});
