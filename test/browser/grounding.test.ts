import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { CHANGED_DOSE, SCRIPTS, THROAT, WARFARIN, pasted, type Turn } from '../pipeline/draft/scenarios';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { makeSyntheticChatModel } from '../support/synthetic/chat';

/**
 * Grounding flags at signing, as a clinician meets them: a correct draft
 * signs without any dismissal; a changed dose is a critical flag that blocks
 * signing until handled, and says what the consultation said; a dose the
 * clinician types that nobody said gets a hint that never blocks.
 */
describe.skipIf(!chromiumAvailable())('grundningsflaggor i Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let modelsDir: string;
  let opened: OpenedPage;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-grounding-'));
    await makeSyntheticChatModel({ dir: path.join(modelsDir, 'synthetic-chat'), scripts: SCRIPTS });
    await ensureClientBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { MODELS_DIR: modelsDir, LLM_LOCAL_MODEL: 'synthetic-chat', LLM_LOCAL_DTYPE: 'fp32' } }),
      launchChromium(),
    ]);
    opened = await openPage(browser, server.baseUrl, { width: 1366, height: 768 });
    const db = server.deps.db.prisma;
    const user = await db.user.update({ where: { username: 'lakare1' }, data: { mustChangePassword: false } });
    const { token } = await createSession(server.deps, user.id);
    await opened.context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  /** A new encounter with the consultation pasted and drafted by the (synthetic) local model. */
  async function drafted(label: string, turns: Turn[]): Promise<{ page: Page; encounterId: string }> {
    const db = server.deps.db.prisma;
    const user = await db.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
    const encounter = await db.encounter.create({ data: { label, createdById: user.id, professionId: user.professionId, careUnitId: user.careUnitId } });
    const { page } = opened;
    await page.goto(`/anteckningar/${encounter.id}`);
    await page.getByLabel('Klistra in samtalet').fill(pasted(turns));
    await page.getByRole('button', { name: 'Spara transkript' }).click();
    await page.locator(`[data-segment="s${turns.length}"]`).waitFor();
    await page.getByLabel('Utkastmotor').selectOption('local');
    await page.getByRole('button', { name: 'Skapa utkast' }).click();
    await page.getByRole('heading', { name: 'Utkast', exact: true }).waitFor({ timeout: 30_000 });
    await page.locator('button.sentence').first().waitFor();
    return { page, encounterId: encounter.id };
  }

  async function sign(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Signera …' }).click();
    await page.getByRole('button', { name: 'Signera', exact: true }).click();
  }

  async function noHorizontalScroll(page: Page): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }

  it('ett korrekt utkast utan kritisk flagga signeras utan avfärdanden; en dos som läkaren skriver själv får ett tips som inte stoppar', async () => {
    const { page, encounterId } = await drafted('Halsont', THROAT);
    expect(await page.locator('li.flag[data-severity="critical"]').count()).toBe(0);
    expect(await page.locator('li.flag .actions').count()).toBe(0);

    // The clinician adds a dose nobody said.
    await page.getByRole('button', { name: 'Redigera Åtgärd/Planering' }).click();
    await page.getByLabel('Text under Åtgärd/Planering').fill('Alvedon 1 g vid behov.');
    await page.getByRole('status').getByText('Sparat').waitFor();
    const hint = page.locator('li.hint', { hasText: '1 g' });
    await hint.waitFor();
    expect(await hint.textContent()).toMatch(/Inte nämnt i samtalet/);
    for (const width of [1366, 1024, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await page.screenshot({ path: `test-results/grundning-tips-${width}.png`, fullPage: true });
      await noHorizontalScroll(page);
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // An edit the consultation contradicts ("Nej, ingen feber alls.") is named in the sign dialog; it does not block.
    await page.getByRole('button', { name: 'Redigera Aktuellt/Anamnes' }).click();
    await page.getByLabel('Text under Aktuellt/Anamnes').fill('Ont att svälja. Feber sedan två dagar.');
    await page.getByRole('status').getByText('Sparat').waitFor();
    await page.locator('li.hint.contradicts', { hasText: 'Samtalet sa annat' }).waitFor();
    await page.getByRole('button', { name: 'Signera …' }).click();
    await page.getByRole('note').getByText(/En av dina ändringar stämmer inte med vad som sades i samtalet/).waitFor();
    await page.getByRole('button', { name: 'Signera', exact: true }).click();
    await page.getByRole('heading', { name: 'Signerad anteckning, version 1' }).waitFor();
    const db = server.deps.db.prisma;
    const note = await db.signedNote.findFirstOrThrow({ where: { encounterId } });
    expect(note.text).toContain('Alvedon 1 g vid behov.');
    const draft = await db.draft.findFirstOrThrow({ where: { encounterId } });
    const flags = (draft.sections as { sentences: { flags: { resolution: unknown }[] }[] }[]).flatMap((s) => s.sentences.flatMap((x) => x.flags));
    expect(flags.every((f) => f.resolution === null)).toBe(true);
    expect(opened.pageErrors).toEqual([]);
  }, 90_000);

  it('en ändrad dos är en kritisk flagga som stoppar signering tills den hanterats, och visar vad samtalet sa', async () => {
    const { page, encounterId } = await drafted('Waran', WARFARIN);
    const flag = page.locator('li.flag[data-severity="critical"]', { hasText: '7,5 mg' });
    await flag.waitFor();
    expect(await flag.textContent()).toMatch(/Motsäger samtalet.*Dosen: anteckningen 7,5 mg, samtalet ”fem milligram”/s);
    await flag.getByRole('button', { name: /Visa i samtalet/ }).click();
    expect(await page.locator('.segments li.evidence').getAttribute('data-segment')).toBe('s2');
    for (const width of [1366, 1024, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await page.screenshot({ path: `test-results/grundning-kritisk-${width}.png`, fullPage: true });
      await noHorizontalScroll(page);
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    await sign(page);
    await page.getByRole('alert').getByText(/kritisk flagga är inte hanterad/).waitFor();
    expect(await server.deps.db.prisma.signedNote.count({ where: { encounterId } })).toBe(0);
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('button', { name: 'Redigera Aktuellt/Anamnes' }).click();
    await page.getByLabel('Text under Aktuellt/Anamnes').fill(CHANGED_DOSE.replace('7,5 mg', '5 mg'));
    await page.getByRole('status').getByText('Sparat').waitFor();
    await flag.getByRole('button', { name: 'Rättad' }).click();
    await expect.poll(() => flag.locator('.actions').count()).toBe(0);
    await sign(page);
    await page.getByRole('heading', { name: 'Signerad anteckning, version 1' }).waitFor();
    const note = await server.deps.db.prisma.signedNote.findFirstOrThrow({ where: { encounterId } });
    expect(note.text).toContain('Tar Waran 5 mg varje kväll.');
    expect(note.text).not.toContain('7,5 mg');
    expect(opened.pageErrors).toEqual([]);
  }, 90_000);
});
