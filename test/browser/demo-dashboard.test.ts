import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openSignedIn } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { narrowTableProblems } from '../support/layout';

/**
 * First start of the demo workspace as a project lead sees it: the invented
 * pilot is labelled as such and every chart of the follow-up shows (time per
 * profession, quality per month, surveys before/after) with the answer
 * sentence first; an administrator then removes the pilot in one click.
 * Screenshots at 1366×768 and 390×844.
 */
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

describe.skipIf(!chromiumAvailable())('demoarbetsytans påhittade pilot i Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ workers: false, env: { DEMO_PILOT: 'true' } }), launchChromium()]);
    await server.deps.db.prisma.user.updateMany({ data: { mustChangePassword: false } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // The follow-up pages compute their figures on first view: a longer wait than the default.
  const signedIn = (username: string, viewport: { width: number; height: number }) => openSignedIn(browser, server, username, viewport, 20_000);

  it('projektledaren ser alla diagram och svaret först', async () => {
    for (const [name, viewport] of [['dator', { width: 1366, height: 768 }], ['mobil', { width: 390, height: 844 }]] as const) {
      const { page, pageErrors, context } = await signedIn('ledare1', viewport);
      await page.goto('/uppfoljning');
      await page.getByRole('note', { name: 'Påhittad demopilot' }).getByText(/Påhittad pilot \(demodata\)\..*syntetiska anteckningar av 54 påhittade kliniker/).waitFor();
      const answers = page.getByRole('region', { name: 'Sparad tid per anteckning' }).getByRole('listitem');
      await answers.first().waitFor();
      expect(await answers.count()).toBe(6);
      for (const text of await answers.allTextContents()) expect(text).toMatch(
        /^[^:]+: (\d+,\d min (sparad|längre) per anteckning|ingen tidsvinst visad \(intervallet omfattar noll\), medel [-−]?\d+,\d min per anteckning) \[[-−]?\d+,\d till [-−]?\d+,\d\], \d+ kliniker, \d+ anteckningar(; \d+ kliniker utan jämförelse)?\.$/,
      );
      // Every chart has drawn marks: bars for time and surveys, lines for quality.
      await page.getByRole('img', { name: /Aktiv redigeringstid per anteckning/ }).locator('.recharts-bar-rectangle').first().waitFor();
      expect(await page.getByRole('img', { name: /Aktiv redigeringstid per anteckning/ }).locator('.recharts-bar-rectangle').count()).toBe(12);
      const quality = page.getByRole('img', { name: /per månad, per yrkesgrupp och version/ });
      // A nearly flat line has no height, which Playwright calls invisible: wait for it to be drawn.
      await quality.locator('.recharts-line-curve').first().waitFor({ state: 'attached' });
      expect(await quality.locator('.recharts-line-curve').count()).toBe(6);
      const surveys = page.getByRole('img', { name: /Utbrändhet \(Mini-Z, 1–5\) före och efter/ });
      expect(await surveys.locator('.recharts-bar-rectangle').count()).toBe(12);
      expect(await page.getByText(/Inga data ännu|Inga svar ännu|för få anteckningar/).count()).toBe(0);
      // The method is folded away.
      expect(await page.locator('details.followup-method[open]').count()).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `uppfoljning-demo-${name}.png`), fullPage: false });
      await page.screenshot({ path: path.join(SCREENSHOTS, `uppfoljning-demo-${name}-hela.png`), fullPage: true });
      for (const section of ['answer', 'time', 'quality', 'survey']) {
        await page.locator(`section[aria-labelledby="${section}-title"]`).screenshot({ path: path.join(SCREENSHOTS, `uppfoljning-demo-${name}-${section}.png`) });
      }
      // Legends list the series in the order the bars stand (recharts sorted them alphabetically: "Efter" before "Före").
      const legend = (chart: string) => page.getByRole('img', { name: new RegExp(chart) }).locator('.recharts-legend-item-text').allTextContents();
      expect(await legend('Aktiv redigeringstid per anteckning')).toEqual(['Utan AI (baslinje)', 'Med AI-stöd']);
      expect(await legend('Utbrändhet \\(Mini-Z')).toEqual(['Före', 'Efter']);
      // Every figure table is readable where it stands: cards, or a scroll cue with the row names pinned.
      await page.locator('details.followup-figures').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await narrowTableProblems(page)).toEqual([]);
      // The edit ratio's interval is written like every other interval, in percent.
      const editRatio = page.locator('section[aria-labelledby="quality-title"] tbody tr > :nth-child(7)');
      for (const text of await editRatio.allTextContents()) expect(text).toMatch(/^(\d+ % \[\d+ till \d+ %\]|–)$/);
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('en administratör tar bort piloten med ett klick (och en bekräftelse)', async () => {
    const { page, pageErrors, context } = await signedIn('admin', { width: 1366, height: 768 });
    await page.goto('/admin/demodata');
    await page.getByText(/54 påhittade kliniker i alla yrkesgrupper/).waitFor();
    await page.getByRole('button', { name: 'Ta bort den påhittade piloten' }).click();
    await page.getByRole('button', { name: 'Ja, ta bort piloten' }).click();
    await page.getByText(/Den påhittade piloten är borttagen: \d+ anteckningar och 54 påhittade kliniker\./).waitFor();
    await page.getByText('Ingen påhittad pilot finns.', { exact: false }).waitFor();
    expect(await server.deps.db.prisma.user.count({ where: { username: { startsWith: 'pilot.' } } })).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
