import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';

/**
 * The co-design studio's main path in a real browser against the real
 * server: a designer edits the läkare workflow (new version), runs both
 * versions on the group's test cases, compares them, and promotes the new
 * version to produktion.
 */
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

async function signIn(page: Page, username: string, password: string, next: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL('**/byt-losenord');
  await page.getByLabel('Nuvarande lösenord').fill(password);
  await page.getByLabel('Nytt lösenord', { exact: true }).fill(next);
  await page.getByLabel('Upprepa nytt lösenord').fill(next);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
}

describe.skipIf(!chromiumAvailable())('samskapande i Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ db: 'sqlite' }), launchChromium()]);
    opened = await openPage(browser, server.baseUrl, { width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('redigera → kör → jämför → befordra', async () => {
    const { page, pageErrors } = opened;
    await signIn(page, 'design1', server.passwords.demo, 'Åre-fjäll-vandring-42');
    await page.getByRole('link', { name: 'Samskapande' }).first().click();
    await page.getByRole('link', { name: /Öppna arbetsgruppens studio/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsgrupp läkare primärvård' }).waitFor();
    await page.getByRole('heading', { name: 'Testfall (8)' }).waitFor();
    await page.getByRole('link', { name: /Läkare – mottagningsbesök/ }).click();

    // Edit: Kontaktorsak at most 60 characters, saved as version 2.
    await page.getByLabel('Max tecken för Kontaktorsak').fill('60');
    await page.getByLabel('Vad ändrades? (meddelande)').fill('Kortare kontaktorsak');
    await page.getByRole('button', { name: 'Spara som ny version' }).click();
    await page.getByRole('heading', { name: 'Redigera (utgår från version 2)' }).waitFor();
    await page.getByRole('cell', { name: 'Kortare kontaktorsak' }).waitFor();

    // Run both versions; the progress bar appears and the runs end as "klar".
    const runs = page.getByRole('region', { name: 'Körningar på testfallen' });
    for (const version of ['1', '2']) {
      await runs.getByLabel('Version att köra').selectOption(version);
      await runs.getByRole('button', { name: 'Kör på alla testfall' }).click();
      await runs.getByRole('button', { name: 'Kör på alla testfall' }).waitFor({ state: 'visible' });
      await expect.poll(async () => runs.getByRole('cell', { name: 'klar', exact: true }).count(), { timeout: 20_000 }).toBe(Number(version));
    }
    await runs.getByRole('link', { name: 'Version 2' }).click();
    await page.getByRole('heading', { name: /Resultat per testfall \(8\)/ }).waitFor();
    await page.goBack();

    // Compare v1 (A) with v2 (B).
    const options = await runs.getByLabel('Körning A').locator('option').allTextContents();
    await runs.getByLabel('Körning A').selectOption({ label: options.find((o) => o.startsWith('Version 1'))! });
    await runs.getByLabel('Körning B').selectOption({ label: options.find((o) => o.startsWith('Version 2'))! });
    await runs.getByRole('link', { name: 'Visa jämförelsen' }).click();
    await page.getByRole('heading', { name: 'Medelskillnad B − A (8 testfall)' }).waitFor();
    expect(await page.locator('.changed-section').count()).toBeGreaterThan(0);
    expect(await page.locator('.changed-section del').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-jamfor.png'), fullPage: true });
    await page.goBack();

    // Promote version 2: the default gate (no critical flags on any case) is met by its run.
    await page.getByRole('button', { name: 'Produktion till version 2' }).click();
    await page.getByText('Produktion pekar nu på version 2.').waitFor();
    await page.getByText(/Produktion v1 → v2 av Demodesigner/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-arbetsflode.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
