import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingCaseData } from '../../server/contracts/training';
import { createSession } from '../../server/modules/auth/sessions';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';

/**
 * Review training in a real browser: a designer makes a training case with
 * "Skapa varianter", keeps three errors and starts a round for five
 * clinicians; one clinician reviews it on the review screen (marks by mouse
 * selection, by typed words and "saknas"), signs off and reads the feedback;
 * the lead sees coverage and detection per profession on the dashboard and
 * in the XLSX. Screenshots at 1366×768 and 390×844 land in test-results/.
 */
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');
/** Two demo physicians and three made here, so the physicians' detection rate is over five people and may be shown. */
const EXTRA = ['lakare3', 'lakare4', 'lakare5'];
const PARTICIPANTS = ['lakare1', 'lakare2', ...EXTRA];
const NAMES = ['Demoläkare Ett', 'Demoläkare Två', 'Testläkare lakare3', 'Testläkare lakare4', 'Testläkare lakare5'];

describe.skipIf(!chromiumAvailable())('granskningsträning i Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const cookies = new Map<string, string>();

  async function pageAs(username: string, viewport = { width: 1366, height: 768 }): Promise<OpenedPage> {
    const opened = await openPage(browser, server.baseUrl, viewport);
    opened.context.setDefaultTimeout(15_000);
    await opened.context.addCookies([{ name: 'jv_session', value: cookies.get(username)!, url: server.baseUrl }]);
    return opened;
  }
  /** A screenshot at 1366×768 and one at 390×844, each scrolled to `at` (a CSS selector) when given. */
  async function shoot(page: Page, name: string, at?: string): Promise<void> {
    if (at) await page.locator(at).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-1366.png`), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    if (at) await page.locator(at).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-390.png`), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  beforeAll(async () => {
    await ensureClientBuilt();
    await mkdir(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const db = server.deps.db.prisma;
    const template = await db.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
    for (const username of EXTRA) {
      await db.user.create({ data: { username, displayName: `Testläkare ${username}`, professionId: template.professionId, careUnitId: template.careUnitId, roles: { create: { role: 'clinician' } } } });
    }
    for (const username of [...PARTICIPANTS, 'ledare1']) {
      const user = await server.deps.db.prisma.user.update({ where: { username }, data: { mustChangePassword: false } });
      cookies.set(username, (await createSession(server.deps, user.id)).token);
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('designer: Skapa varianter, behåll tre, starta en omgång → kliniker: granska, signera, återkoppling → ledare: beredskap och XLSX', async () => {
    const db = server.deps.db.prisma;
    const group = await db.workingGroup.findFirstOrThrow({ where: { profession: { code: 'lakare' } } });
    const designer = await pageAs('lakare2');
    const { page } = designer;
    await page.goto(`/samskapande/grupp/${group.id}`);
    await page.getByLabel('Testfall', { exact: true }).selectOption({ label: 'Halsont och feber i tre dagar' });
    await page.getByRole('button', { name: 'Gör övningsfall' }).click();
    await page.getByRole('heading', { name: 'Övning: Halsont och feber i tre dagar' }).waitFor();
    await page.getByRole('button', { name: 'Skapa varianter' }).click();
    const variants = page.locator('.variant-list li');
    await variants.first().waitFor();
    expect(await variants.count()).toBeGreaterThanOrEqual(5);
    for (const rule of ['number-swap', 'negation-flip', 'critical-delete']) {
      // the first proposal of the rule that does not overlap one already kept
      await page.locator(`.variant-list li[data-variant="${rule}"]`).getByRole('checkbox', { disabled: false, checked: false }).first().check();
    }
    await page.getByRole('button', { name: 'Behåll valda (3)' }).click();
    await page.getByRole('heading', { name: 'Planterade fel (3)' }).waitFor();
    await shoot(page, 'ovning-designer-varianter', 'h1');
    const made = await db.trainingCase.findFirstOrThrow({ where: { groupId: group.id, source: 'reference' } });
    const data = made.data as unknown as TrainingCaseData;
    expect(data.errors.map((e) => e.origin).sort()).toEqual(['critical-delete', 'negation-flip', 'number-swap']);

    await page.getByRole('link', { name: '← Arbetsgruppen' }).click();
    await page.getByLabel('Omgångens namn').last().fill('Vårövning läkare');
    await page.getByRole('group', { name: 'Övningsfall' }).getByLabel(/Övning: Halsont och feber/).check();
    // participants are grouped by professional group and can be searched by name
    const picker = page.getByRole('group', { name: 'Deltagare', exact: true });
    await picker.getByLabel('Sök deltagare').fill('finns-inte-xyz');
    await picker.getByText('Ingen deltagare matchar sökningen.').waitFor();
    await picker.getByLabel('Sök deltagare').fill('');
    for (const name of NAMES) {
      await picker.getByLabel(new RegExp(`^${name}`)).check();
    }
    await picker.getByText(new RegExp(`^${NAMES.length} valda av \\d+$`)).waitFor();
    await page.getByRole('button', { name: 'Starta övningsomgång' }).click();
    await page.getByText(/Vårövning läkare – öppen, 1 fall/).waitFor();
    expect(designer.pageErrors).toEqual([]);

    // The clinician finds the round from the menu and reviews on the review screen.
    const clinician = await pageAs('lakare1');
    const c = clinician.page;
    await c.goto('/');
    await c.getByRole('link', { name: 'Övning (1)' }).click();
    await c.getByRole('link', { name: /Övning: Halsont och feber/ }).click();
    await c.getByRole('region', { name: 'Transkript' }).waitFor();
    // "Markera fel" with nothing chosen says what is missing, under the words field, which takes the focus; nothing is marked.
    await c.getByRole('button', { name: 'Markera fel' }).click();
    const wordsField = c.getByLabel('Ord att markera');
    await c.getByText('Inget att markera än: markera ord i utkastet med musen, eller skriv dem här och välj rubrik.').waitFor();
    expect(await wordsField.getAttribute('aria-invalid')).toBe('true');
    expect(await wordsField.evaluate((el) => el === document.activeElement)).toBe(true);
    await c.getByRole('heading', { name: 'Mina markeringar (0)' }).waitFor();
    const number = data.errors.find((e) => e.kind === 'number')!;
    const negation = data.errors.find((e) => e.kind === 'negation')!;
    const omission = data.errors.find((e) => e.kind === 'omission')!;
    // Mouse selection: select the planted number's words inside its section, then mark.
    await c.evaluate(({ section, text }) => {
      const p = document.querySelector(`[data-section="${section}"]`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error('text not found');
    }, { section: number.section, text: number.text });
    await c.getByText(/^Markerat under/).waitFor();
    await c.getByLabel('Typ av fel').selectOption({ label: 'Fel siffra' });
    await c.getByRole('button', { name: 'Markera fel' }).click();
    // Typed words, for keyboard users; a wrong guess in another heading is a false alarm.
    await c.getByLabel('Under rubrik').selectOption({ index: 0 });
    const first = await c.locator('[data-section="0"]').innerText();
    await c.getByLabel('Ord att markera').fill(first.split(/\s+/)[0]!);
    await c.getByLabel('Typ av fel').selectOption({ label: 'Diagnos som ingen ställde' });
    await c.getByRole('button', { name: 'Markera fel' }).click();
    await c.getByLabel('Saknas: …').fill(omission.said);
    await c.getByRole('button', { name: 'Lägg till saknat' }).click();
    await c.getByRole('heading', { name: 'Mina markeringar (3)' }).waitFor();
    await shoot(c, 'ovning-kliniker-granskning', '.training-draft h2');
    await c.getByRole('button', { name: 'Signera granskningen' }).click();
    await c.getByRole('heading', { name: 'Återkoppling' }).waitFor();
    const items = c.locator('.feedback-list > li');
    expect(await items.count()).toBe(3);
    expect(await c.locator(`.feedback-list li[data-error="${number.id}"]`).innerText()).toMatch(/^Hittat/);
    expect(await c.locator(`.feedback-list li[data-error="${omission.id}"]`).innerText()).toMatch(/^Hittat/);
    expect(await c.locator(`.feedback-list li[data-error="${negation.id}"]`).innerText()).toMatch(/^Missat/);
    expect(await c.locator(`.feedback-list li[data-error="${negation.id}"]`).innerText()).toContain(negation.said);
    await c.locator(`.feedback-list li[data-error="${number.id}"]`).getByRole('button', { name: 'Visa i samtalet' }).click();
    expect(await c.locator('.segments li.evidence').count()).toBe(1);
    expect(await c.getByText('Markeringar där det inte fanns något planterat fel (1)').count()).toBe(1);
    await shoot(c, 'ovning-kliniker-aterkoppling', '#feedback-title');
    await c.getByRole('link', { name: '← Granskningsträning' }).click();
    await c.getByRole('heading', { name: 'Mina resultat' }).waitFor();
    await c.getByText('2 av 3').first().waitFor();
    expect(clinician.pageErrors).toEqual([]);

    // The four others sign off over the API (empty reviews), so the group reaches five people.
    const round = await db.trainingRound.findFirstOrThrow();
    for (const username of PARTICIPANTS.filter((u) => u !== 'lakare1')) {
      const user = await db.user.findUniqueOrThrow({ where: { username } });
      const res = await fetch(`${server.baseUrl}/api/v1/training-rounds/${round.id}/participants/${user.id}/cases/${made.id}/answer`, {
        method: 'POST',
        headers: { cookie: `jv_session=${cookies.get(username)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ marks: [] }),
      });
      expect(res.status).toBe(200);
    }

    // The lead: coverage and detection per profession on the dashboard and in the XLSX.
    const lead = await pageAs('ledare1');
    const l = lead.page;
    await l.goto('/uppfoljning');
    const readiness = l.locator('section[aria-labelledby="readiness-title"]');
    const row = readiness.getByRole('table', { name: 'Per yrkesgrupp' }).getByRole('row', { name: /Läkare/ });
    await row.waitFor();
    // Five physicians, all trained; five people behind the detection rate (lakare1 2 of 3 critical, the rest 0): 13 %.
    expect(await row.innerText()).toMatch(/5 av 5\s+100 %\s+13 %\s+Inte redo/);
    await readiness.getByText('Upptäckt per typ av fel och yrkesgrupp, med och utan flaggor').click();
    const byProfession = readiness.getByRole('table', { name: 'Upptäckt per yrkesgrupp' }).getByRole('row', { name: /Läkare/ });
    expect(await byProfession.innerText()).toMatch(/Läkare\s+13 %\s+13 %\s+färre än 5/);
    await shoot(l, 'ovning-ledare-beredskap', 'section[aria-labelledby="readiness-title"]');
    await l.getByRole('button', { name: 'Skapa rapport (XLSX)' }).click();
    const link = l.getByRole('link', { name: /^Ladda ner uppfoljning-.*\.xlsx$/ });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([l.waitForEvent('download'), link.click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = wb.getWorksheet('Utbildning')!;
    const rows = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const lakare = rows.find((r) => r?.[0] === 'Läkare' && r.length === 7);
    expect(lakare).toEqual(['Läkare', 5, 5, 100, 5, 13.33, 'nej']);
    expect(lead.pageErrors).toEqual([]);
  }, 240_000);
});
