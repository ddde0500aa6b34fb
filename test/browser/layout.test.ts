import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { VIEWPORTS, checkPage } from '../support/layout';
import { preparePageTour, type TourPage } from '../support/page-tour';

/**
 * Every page at 1366×768, 1024×768 and 390×844, on the default setup (no
 * models installed): nothing scrolls sideways, axe-core finds no WCAG 2.1
 * A/AA violation, and a screenshot of each lands in test-results/layout/
 * for a person to look at. The review pages are visited in each state a
 * clinician meets: transcript only, draft, signed, a note without AI.
 */

describe.skipIf(!chromiumAvailable())('sidlayout vid tre bredder', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  let pages: TourPage[] = [];

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ db: 'sqlite' }), launchChromium()]);
    ({ token, pages } = await preparePageTour(server, browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`${viewport.name} ${viewport.width}×${viewport.height}: ingen sida rullar i sidled, axe-core utan fel`, async () => {
      const { context, page, pageErrors } = await openPage(browser, server.baseUrl, { width: viewport.width, height: viewport.height });
      const problems: string[] = [];
      const check = async (name: string) => {
        const result = await checkPage(page, `${viewport.width}-${name}`);
        if (result.overflow > 0) problems.push(`${name}: ${result.overflow} px för bred (${result.wideElements.join(', ')})`);
        for (const v of result.violations) problems.push(`${name}: axe ${v}`);
        for (const t of result.tables) problems.push(`${name}: ${t}`);
      };
      await page.goto('/logga-in');
      await page.getByRole('button', { name: 'Logga in' }).waitFor();
      await check('logga-in');
      await context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
      for (const target of pages) {
        await page.goto(target.path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await check(target.name);
      }
      await context.close();
      expect(problems).toEqual([]);
      expect(pageErrors).toEqual([]);
    }, 300_000);
  }
});
