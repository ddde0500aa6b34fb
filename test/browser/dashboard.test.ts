import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { KNOWN, seedKnownFollowup } from '../support/followup-data';

/**
 * The follow-up dashboard in a real browser against the real server with the
 * known synthetic data set: filter, drill down from a figure, save
 * assumptions, import a baseline with a bad row, download the report; and
 * a clinician answering the survey that the dashboard summarises.
 */
describe.skipIf(!chromiumAvailable())('uppföljning i Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ workers: false }), launchChromium()]);
    await seedKnownFollowup(server.deps);
    await server.deps.jobs.startWorking(server.deps, 1); // reports are built as jobs
    opened = await openPage(browser, server.baseUrl, { width: 1280, height: 900 });
    opened.context.setDefaultTimeout(15_000);
    const user = await server.deps.db.prisma.user.update({ where: { username: 'ledare1' }, data: { mustChangePassword: false } });
    const { token } = await createSession(server.deps, user.id);
    await opened.context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filtrera → gå ner i siffrorna → antaganden → baslinje → ladda ner rapporten', async () => {
    const { page } = opened;
    await page.goto('/uppfoljning');
    await page.getByLabel('Från', { exact: true }).fill(KNOWN.from);
    await page.getByLabel('Till', { exact: true }).fill(KNOWN.to);
    const table = page.locator('section[aria-labelledby="time-title"] table');
    // The answer and the chart come first; the table is folded away.
    await page.getByRole('region', { name: 'Sparad tid per anteckning' }).getByText(/^Läkare: \d+,\d min (sparad|längre) per anteckning \[[-−]?\d+,\d till [-−]?\d+,\d\], \d+ kliniker, \d+ anteckningar(; \d+ kliniker utan jämförelse)?\.$/).waitFor();
    await page.locator('section[aria-labelledby="time-title"]').getByText('Siffrorna i tabellform').click();
    await table.getByRole('rowheader', { name: 'Läkare' }).waitFor();
    expect(await table.getByRole('rowheader').count()).toBe(8);
    await page.getByRole('img', { name: /Aktiv redigeringstid per anteckning/ }).locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('section[aria-labelledby="time-title"] .followup-explanation').textContent()).toMatch(/anteckningar med AI-stöd/);
    // the suppressed group says why instead of a figure
    expect(await table.getByRole('row', { name: /Logoped/ }).innerText()).toContain('för få anteckningar (< 5)');

    await page.getByLabel('Yrkesgrupp', { exact: true }).selectOption({ label: 'Läkare' });
    await page.getByLabel('Dela upp efter').selectOption({ label: 'Månad' });
    await table.getByRole('rowheader', { name: 'Läkare: 2026-01' }).waitFor();
    const rowCount = await table.getByRole('rowheader').count();
    expect(rowCount).toBeGreaterThanOrEqual(5);
    // second cell: AI notes ("< 5" when too few notes or clinicians to show)
    const januaryN = Number(await table.getByRole('row', { name: /Läkare: 2026-01/ }).locator('td').nth(1).innerText());

    await page.getByRole('button', { name: 'Visa anteckningar med AI: Läkare 2026-01' }).click();
    const drill = page.getByRole('table', { name: 'Anteckningar bakom siffran' });
    if (januaryN >= 5) {
      await drill.waitFor();
      expect(await drill.locator('tbody tr').count()).toBe(januaryN);
      expect(await drill.innerText()).not.toMatch(/Syntetisk|Demo/);
    } else {
      await page.getByText(/för få (anteckningar|kliniker) \(< 5\): listan visas inte\./).waitFor();
    }
    // the precision calculator answers for a chosen width
    const calculator = page.locator('section[aria-labelledby="precision-title"]');
    await calculator.getByLabel('Halva intervallbredden (min)').fill('0,25');
    const needed = calculator.getByRole('table', { name: 'Kliniker som behövs' });
    expect(await needed.locator('tbody tr').count()).toBe(4);
    expect(await calculator.innerText()).toContain('± 0,25 min');

    // Swedish number forms are read; a value out of range is named by profession and field, and nothing is saved
    await page.getByLabel('Läkare: anteckningar per år').fill('30 000');
    await page.getByLabel('Läkare: andel lämpliga i procent').fill('150');
    await page.getByLabel('Läkare: timkostnad i kronor').fill('1200');
    await page.getByRole('button', { name: 'Spara antaganden' }).click();
    await page.getByRole('alert').getByText('Läkare, andel lämpliga i procent: Ange ett tal från 0 till 100.').waitFor();
    expect(await server.deps.db.prisma.auditEvent.count({ where: { action: 'followup.assumptions.update' } })).toBe(0);
    await page.getByLabel('Läkare: andel lämpliga i procent').fill('50');
    await page.getByLabel('Läkare: timkostnad i kronor').fill('1200');
    await page.getByRole('button', { name: 'Spara antaganden' }).click();
    await page.locator('section[aria-labelledby="extrapolation-title"]').getByText('30 000 anteckningar/år, 50 % lämpliga').waitFor();
    expect(await server.deps.db.prisma.auditEvent.count({ where: { action: 'followup.assumptions.update', outcome: 'success' } })).toBe(1);

    await page.getByLabel('eller klistra in CSV').fill('yrkesgrupp;anteckningstyp;minuter\nlakare;Besök;8\nlakare;Besök;noll\n');
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('alert').getByText('Rad 3, kolumn minutes: måste vara ett tal större än 0 och högst 600 (minuter per anteckning)').waitFor();

    // The report is a background job: the list says how far it has come, then offers the file.
    await page.getByRole('button', { name: 'Skapa rapport (Markdown)' }).click();
    const reports = page.locator('section[aria-labelledby="reports-title"]');
    await reports.getByRole('status').getByText(/^Rapporten byggs … \d+ %/).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await reports.screenshot({ path: 'test-results/uppfoljning-rapport-byggs-390.png' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const link = reports.getByRole('link', { name: `Ladda ner uppfoljning-${KNOWN.from}-${KNOWN.to}.md` });
    await link.waitFor({ timeout: 60_000 });
    expect(await reports.innerText()).toMatch(/sparas till/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`uppfoljning-${KNOWN.from}-${KNOWN.to}.md`);
    const md = await readFile((await download.path())!, 'utf8');
    expect(md).toContain('## 5. Rekommendation per yrkesgrupp');
    await page.screenshot({ path: 'test-results/uppfoljning.png', fullPage: true });
    expect(opened.pageErrors).toEqual([]);
  }, 120_000);

  it('en kliniker besvarar enkäten före försöket och ändrar sitt svar', async () => {
    const clinician = await openPage(browser, server.baseUrl, { width: 1024, height: 900 });
    const user = await server.deps.db.prisma.user.update({ where: { username: 'ssk1' }, data: { mustChangePassword: false } });
    const { token } = await createSession(server.deps, user.id);
    await clinician.context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
    const { page } = clinician;
    await page.goto('/anteckningar');
    const panel = page.locator('section[aria-labelledby="survey-title"]');
    await panel.getByText('Före försöket', { exact: true }).waitFor();
    expect(await panel.innerText()).toContain('inte besvarad');

    await panel.getByRole('button', { name: 'Svara: före försöket' }).click();
    const form = page.getByRole('form', { name: 'Enkät: före försöket' });
    await form.getByLabel(/Ibland är jag stressad/).check();
    // an item left untouched is not an answer: saving is refused in Swedish
    await form.getByRole('button', { name: 'Spara svaren' }).click();
    await form.getByRole('alert').getByText('Svara på alla frågor innan du sparar.').waitFor();
    // the refusal names each question still unanswered, and an untouched scale says so instead of showing 50
    expect(await form.getByRole('alert').getByRole('listitem').count()).toBe(4);
    await form.getByRole('alert').getByText(/frustrerad/).waitFor();
    expect(await form.locator('output').allTextContents()).toEqual(['inte besvarad', 'inte besvarad', 'inte besvarad', 'inte besvarad']);
    expect(await server.deps.db.prisma.surveyResponse.count({ where: { userId: user.id } })).toBe(0);

    for (const [label, value] of [[/mentalt krävande/, '70'], [/tidspressad/, '85'], [/anstränga dig/, '60']] as const) {
      await form.getByLabel(label).fill(value);
    }
    // a click on the middle of an unanswered scale is an answer (50), though the value does not move
    await form.getByLabel(/frustrerad/).click();
    await form.locator('output').getByText('50', { exact: true }).waitFor();
    await form.getByRole('button', { name: 'Spara svaren' }).click();
    await page.getByText('Tack! Dina svar är sparade.').waitFor();
    await panel.getByRole('button', { name: 'Ändra svar: före försöket' }).waitFor();
    const saved = await server.deps.db.prisma.surveyResponse.findFirstOrThrow({ where: { userId: user.id, phase: 'before' } });
    expect(saved.answers).toEqual({ burnout: 2, mentalDemand: 70, temporalDemand: 85, effort: 60, frustration: 50 });

    // changing the answer replaces it (one answer per person and phase)
    await panel.getByRole('button', { name: 'Ändra svar: före försöket' }).click();
    await form.getByLabel(/tidspressad/).fill('50');
    await form.getByRole('button', { name: 'Spara svaren' }).click();
    await panel.getByRole('button', { name: 'Ändra svar: före försöket' }).waitFor();
    const rows = await server.deps.db.prisma.surveyResponse.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.answers)).toEqual([{ burnout: 2, mentalDemand: 70, temporalDemand: 50, effort: 60, frustration: 50 }]);
    await page.screenshot({ path: 'test-results/enkat.png', fullPage: true });
    expect(clinician.pageErrors).toEqual([]);
    await clinician.context.close();
  }, 60_000);
});
