import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { Client } from '../support/http';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { VIEWPORTS, checkPage } from '../support/layout';

/**
 * The co-design studio's main path in a real browser against the real
 * server: a designer edits the läkare workflow (new version), runs both
 * versions on the group's test cases, compares them, and promotes the new
 * version to produktion; writes a test case in the editor (refused for a
 * personnummer until it is marked invented, then a concurrent save is
 * refused with 409); and runs a blind rating round with three raters, one
 * of them a clinician who finds the queue in the top menu.
 */
/** lakare2 signs in over the API first (the concurrent save), then as a rater in the browser. */
const LAKARE2_PASSWORD = 'Hallon-Åre-fjäll-77';
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

/** A Luhn-valid 10-digit personnummer for a date and serial chosen here: YYMMDD-NNNC. */
function luhnPersonnummer(yymmdd: string, serial: string): string {
  const nine = yymmdd + serial;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yymmdd}-${serial}${(10 - (sum % 10)) % 10}`;
}

/** Signs in; with `next`, also replaces the one-time password the first sign-in demands. */
async function signIn(page: Page, username: string, password: string, next?: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  if (next === undefined) return;
  await page.waitForURL('**/byt-losenord');
  await page.getByLabel('Nuvarande lösenord').fill(password);
  await page.getByLabel('Nytt lösenord', { exact: true }).fill(next);
  await page.getByLabel('Upprepa nytt lösenord').fill(next);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  // Wait until the change has been saved: a navigation started before it lands aborts the
  // request, and the next page then bounces back to the password form.
  await page.waitForURL((url) => !url.pathname.endsWith('/byt-losenord'));
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
    // Letters are an error to put right, never read as "no limit".
    await page.getByLabel('Max tecken för Kontaktorsak').fill('abc');
    await page.getByText('Ange ett heltal, till exempel 400.').waitFor();
    await page.getByLabel('Vad ändrades? (meddelande)').fill('Kortare kontaktorsak');
    expect(await page.getByRole('button', { name: 'Spara som ny version' }).isDisabled()).toBe(true);
    await page.getByLabel('Max tecken för Kontaktorsak').fill('60');
    expect(await page.getByText('Ange ett heltal, till exempel 400.').count()).toBe(0);
    // The page's reload of the workflow is held back: the editor must base on the saved version 2
    // at once, or a second save in the meantime would be based on version 1.
    let releaseReload = () => {};
    const held = new Promise<void>((resolve) => (releaseReload = resolve));
    await page.route(/\/api\/v1\/workflows\/[^/]+$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Spara som ny version' }).click();
    await page.getByText('Version 2 är sparad.').waitFor();
    await page.getByRole('heading', { name: 'Redigera (utgår från version 2)' }).waitFor();
    expect(await page.getByLabel('Vad ändrades? (meddelande)').inputValue()).toBe('');
    releaseReload();
    // the held request is let through before the interception goes; later runs reload the page unhindered
    await page.unrouteAll({ behavior: 'wait' });
    await page.getByRole('cell', { name: 'Kortare kontaktorsak' }).waitFor();

    // Run both versions; the progress bar appears and the runs end as "klar".
    const runs = page.getByRole('region', { name: 'Körningar på testfallen' });
    for (const version of ['1', '2']) {
      await runs.getByLabel('Version att köra').selectOption(version);
      await runs.getByRole('button', { name: 'Kör på alla testfall' }).click();
      await runs.getByRole('button', { name: 'Kör på alla testfall' }).waitFor({ state: 'visible' });
      await expect.poll(async () => runs.getByRole('cell', { name: 'klar', exact: true }).count(), { timeout: 20_000 }).toBe(Number(version));
    }
    await runs.getByRole('link', { name: 'Version 2', exact: true }).click();
    await page.getByRole('heading', { name: /Resultat per testfall \(8\)/ }).waitFor();
    await page.goBack();

    // Compare v2 with the version before in one click.
    await runs.getByRole('link', { name: 'Jämför version 2 med version 1' }).click();
    await page.getByRole('heading', { name: 'Medelskillnad B − A (8 testfall)' }).waitFor();
    expect(await page.locator('.changed-section').count()).toBeGreaterThan(0);
    expect(await page.locator('.changed-section del').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-jamfor.png'), fullPage: true });
    await page.goBack();

    // Produktion is protected by default: the designer sees why version 2 may not go there yet, and cannot pass the gate.
    await page.getByRole('button', { name: 'Produktion till version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version 2 till produktion' });
    await dialog.getByText('Spärren för produktion är inte uppfylld.').waitFor();
    await dialog.getByText(/Kritiska flaggor: som mest 0 i ett testfall.*\(uppfyllt\)/).waitFor();
    expect(await dialog.getByText(/: versionen har inte varit med i någon avslutad blind bedömningsomgång\./).count()).toBe(3);
    expect(await dialog.getByRole('button', { name: 'Flytta förbi spärren' }).count()).toBe(0);
    expect(await dialog.textContent()).not.toMatch(/gate\.|min[A-Z]|\d\.\d/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-sparr-designer.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(pageErrors).toEqual([]);
  });

  it('testfallseditorn: personnummer stoppas och markeras, påhittat sparas, samtidig ändring ger 409', async () => {
    const { page, pageErrors } = opened;
    const pnr = luhnPersonnummer('850709', '123');
    await page.goto('/samskapande');
    await page.getByRole('link', { name: /Öppna arbetsgruppens studio/ }).click();
    await page.getByRole('link', { name: 'Nytt testfall' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt testfall' }).waitFor();

    await page.getByLabel('Titel').fill('Ont i vänster öra');
    expect(await page.getByLabel('Kortnamn').inputValue()).toBe('ont-i-vanster-ora');
    await page.getByLabel('Kortnamn').fill('lakare-90-ora');
    await page.getByLabel('Taggar (kommaseparerade)').fill('lätt, öra');
    const line = `Jag har ont i vänster öra sedan två dagar. Mitt personnummer är ${pnr}.`;
    await page.getByLabel('Replik 1', { exact: true }).fill(line);
    await page.getByLabel('Replik 2', { exact: true }).fill('Trumhinnan är röd och buktar.');
    // Add, reorder and remove turns.
    await page.getByRole('button', { name: 'Lägg till replik' }).click();
    await page.getByLabel('Replik 3', { exact: true }).fill('Har du haft feber?');
    await page.getByRole('button', { name: 'Flytta replik 3 upp' }).click();
    expect(await page.getByLabel('Replik 2', { exact: true }).inputValue()).toBe('Har du haft feber?');
    expect(await page.getByLabel('Replik 3', { exact: true }).inputValue()).toBe('Trumhinnan är röd och buktar.');
    await page.getByRole('button', { name: 'Ta bort replik 2' }).click();
    expect(await page.getByLabel('Replik 3', { exact: true }).count()).toBe(0);
    await page.getByLabel('Referens: Kontaktorsak').fill('Ont i vänster öra i två dagar.');
    await page.getByRole('button', { name: 'Lägg till nyckelfakta' }).click();
    await page.getByLabel('Nyckelfakta 1', { exact: true }).fill('ont i vänster öra i två dagar');
    await page.getByLabel('Kritisk (nyckelfakta 1)').check();

    await page.getByRole('button', { name: 'Spara testfallet' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Testfallet sparades inte' });
    await refusal.waitFor();
    expect(await refusal.getByRole('listitem', { name: 'Replik 1, text: Personnummer' }).count()).toBe(1);
    expect(await refusal.locator('mark').allTextContents()).toEqual([pnr]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-testfall-personuppgift.png'), fullPage: true });

    await refusal.getByRole('button', { name: 'Markera som påhittat' }).click();
    expect(await page.getByLabel('Påhittade identifierare (en per rad)').inputValue()).toBe(pnr);
    await page.getByRole('button', { name: 'Spara testfallet' }).click();
    await page.waitForURL('**/samskapande/testfall/*');
    const caseId = page.url().split('/').pop()!;
    const stored = await server.deps.db.prisma.testCase.findUniqueOrThrow({ where: { id: caseId } });
    await page.getByText(`Revision ${stored.revision}`, { exact: true }).waitFor();
    expect(stored.data).toMatchObject({ slug: 'lakare-90-ora', tags: ['lätt', 'öra'], inventedIdentifiers: [pnr], keyFacts: [{ critical: true }] });
    expect((stored.data as { turns: unknown[] }).turns).toHaveLength(2);

    // Another designer of the group saves the case meanwhile; our save from the older revision is refused in Swedish.
    const other = new Client(server.baseUrl);
    await other.login('lakare2', server.passwords.demo, LAKARE2_PASSWORD);
    const theirs = await other.request('PUT', `/api/v1/testcases/${caseId}`, { revision: stored.revision, data: { ...(stored.data as object), title: 'Öronvärk' } });
    expect(theirs.status).toBe(200);
    await page.getByLabel('Titel').fill('Ont i vänster öra, två dagar');
    await page.getByRole('button', { name: 'Spara testfallet' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Någon annan har sparat testfallet under tiden' });
    await conflict.waitFor();
    await conflict.getByText(`revision ${stored.revision + 1}, du utgick från ${stored.revision}`).waitFor();
    await conflict.getByRole('button', { name: /Ladda om/ }).click();
    await page.getByText(`Revision ${stored.revision + 1}`, { exact: true }).waitFor();
    expect(await page.getByLabel('Titel').inputValue()).toBe('Öronvärk');
    await page.getByLabel('Titel').fill('Ont i vänster öra, två dagar');
    await page.getByRole('button', { name: 'Spara testfallet' }).click();
    await page.getByText(`Revision ${stored.revision + 2}`, { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('blind bedömning på kort form: tre bedömare med tangentbordet, resultatet i ord', async () => {
    const { page, pageErrors } = opened;
    const admin = new Client(server.baseUrl);
    await admin.login('admin', server.passwords.admin);
    const group = (await admin.get('/api/v1/groups')).body.groups.find((g: { profession: { code: string } }) => g.profession.code === 'lakare');
    const users = await server.deps.db.prisma.user.findMany({ where: { username: { in: ['design1', 'lakare1', 'lakare2'] } } });
    const name = (username: string) => users.find((u) => u.username === username)!.displayName!;
    // The demo's läkare group has three members who can rate, lakare1 (a clinician) among them.
    expect(group.members.map((m: { id: string }) => m.id).sort()).toEqual(users.map((u) => u.id).sort());

    await page.goto(`/samskapande/grupp/${group.id}`);
    await page.getByRole('link', { name: /Läkare – mottagningsbesök/ }).click();
    const runs = page.getByRole('region', { name: 'Körningar på testfallen' });
    // The run list loads after the page: read the choices only once both runs are in it (plus "Välj").
    await expect.poll(async () => runs.getByLabel('Körning A').locator('option').count()).toBeGreaterThanOrEqual(3);
    const options = await runs.getByLabel('Körning A').locator('option').allTextContents();
    await runs.getByLabel('Körning A').selectOption({ label: options.find((o) => o.startsWith('Version 1'))! });
    await runs.getByLabel('Körning B').selectOption({ label: options.find((o) => o.startsWith('Version 2'))! });
    await page.getByLabel('Omgångens namn').fill('Kortare kontaktorsak');
    for (const rater of ['design1', 'lakare1', 'lakare2']) await page.getByLabel(name(rater), { exact: true }).check();
    // A quick round: the preference and three items the creator picks.
    await page.getByLabel(/^Kort: /).check();
    const start = page.getByRole('button', { name: 'Starta bedömningsomgång' });
    for (const item of ['Korrekt', 'Begriplig']) await page.getByLabel(new RegExp(`^${item}: `)).check();
    expect(await start.isDisabled()).toBe(true);
    await page.getByLabel(/^Koncis: /).check();
    await start.click();
    await page.waitForURL('**/bedomning/*/resultat');
    const roundId = page.url().split('/').at(-2)!;
    const round = await server.deps.db.prisma.ratingRound.findUniqueOrThrow({ where: { id: roundId } });
    const { versionIds, form } = round.config as { versionIds: string[]; form: unknown };
    expect(form).toEqual({ kind: 'short', items: ['accurate', 'comprehensible', 'succinct'] });

    for (const rater of ['lakare1', 'lakare2', 'design1']) {
      const own = rater === 'design1' ? opened : await openPage(browser, server.baseUrl, { width: 1366, height: 768 });
      const p = own.page;
      if (rater === 'lakare1') await signIn(p, rater, server.passwords.demo, 'Åre-fjäll-vandring-41');
      else if (rater === 'lakare2') await signIn(p, rater, LAKARE2_PASSWORD);
      else await p.goto('/');
      // The rating queue is in the top menu, for the clinician too.
      await p.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Bedömning (1)' }).click();
      await p.getByRole('link', { name: 'Bedöm', exact: true }).click();
      for (let pair = 1; pair <= 8; pair++) {
        await p.getByRole('heading', { name: new RegExp(`^Par ${pair}:`) }).waitFor();
        // Blind: the pair shows A and B, never a version.
        expect(await p.getByText(/Version \d/).count()).toBe(0);
        const html = await p.content();
        for (const id of versionIds) expect(html).not.toContain(id);
        // Three items, each with what 5 and 1 mean, A and B side by side.
        expect(await p.locator('.rating-item').count()).toBe(3);
        await p.getByText('5 = Stämmer, fri från felaktig information.').waitFor();
        if (rater === 'lakare1' && pair === 1) {
          for (const viewport of VIEWPORTS) {
            await p.setViewportSize({ width: viewport.width, height: viewport.height });
            const check = await checkPage(p, `bedomning-par-${viewport.name}`);
            expect(check.violations, viewport.name).toEqual([]);
            expect(check.overflow, `${viewport.name}: ${check.wideElements.join(', ')}`).toBe(0);
          }
          await p.setViewportSize({ width: 1366, height: 768 });
        }
        // Keyboard only: 1–5 fill A then B item by item, L or A picks the preference, Enter saves.
        // All raters agree except the designer on the first pair of their queue: one split case.
        const dissent = rater === 'design1' && pair === 1;
        for (let k = 0; k < 3; k++) {
          const score = 3 + k;
          await p.keyboard.press(String(dissent ? score - 1 : score));
          await p.keyboard.press(String(score));
        }
        expect(await p.locator('input[type=radio][name^="a-"]:checked').count()).toBe(3);
        expect(await p.locator('input[type=radio][name^="b-"]:checked').count()).toBe(3);
        await p.keyboard.press(dissent ? 'a' : 'l');
        await expect.poll(async () => p.getByRole('button', { name: 'Spara och nästa' }).evaluate((b) => b === document.activeElement)).toBe(true);
        await p.keyboard.press('Enter');
        await p.getByText(`${pair} av 8 par bedömda.`).waitFor();
      }
      await p.getByText('Alla par är bedömda. Tack!').waitFor();
      expect(own.pageErrors).toEqual([]);
      if (own !== opened) await p.context().close();
    }

    await page.goto(`/bedomning/${roundId}/resultat`);
    await page.getByText('24 bedömningar från 3 bedömare').waitFor();
    const alpha = await page.getByText(/α alla frågor: /).textContent();
    const value = Number(alpha!.replace('α alla frågor: ', '').replace(',', '.'));
    expect(value).toBeGreaterThan(0.67);
    expect(value).toBeLessThan(1);
    // The answer in words, decimal commas.
    const answer = page.getByRole('region', { name: 'Vad bedömarna tyckte' });
    await answer.getByText(/föredrogs lika ofta|föredrogs i \d+ av 24 bedömningar/).waitFor();
    await answer.getByText(/Bedömarna var samstämmiga \(α\s=\s\d,\d\d, god från 0,80\)/).waitFor();
    await answer.getByText(/Kort form: vilken anteckning som var bäst och korrekt, begriplig, koncis\./).waitFor();
    const split = page.getByRole('region', { name: 'Testfall där bedömarna var oeniga' }).getByRole('listitem');
    expect(await split.count()).toBe(1);
    expect(await split.first().textContent()).toMatch(/: 1 föredrog version \d och 2 tyckte lika bra\. Störst skillnad i betyg: korrekt för version \d, från 2 till 3\./);
    expect(await page.locator('main').textContent()).not.toMatch(/\d\.\d/);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const check = await checkPage(page, `bedomning-resultat-${viewport.name}`);
      expect(check.violations, viewport.name).toEqual([]);
      expect(check.overflow, `${viewport.name}: ${check.wideElements.join(', ')}`).toBe(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    console.log(`round in the browser: ${alpha}; split: ${await split.first().textContent()}`);
    // Closing asks first, from the keyboard alone: Escape goes back with the round still open, Enter on the question closes it.
    await page.getByRole('button', { name: 'Stäng omgången' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('alertdialog', { name: /^Stäng omgången\? Bedömarna kan då inte lämna fler bedömningar/ });
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, stäng omgången');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stäng omgången');
    expect((await server.deps.db.prisma.ratingRound.findFirstOrThrow({ where: { name: 'Kortare kontaktorsak' } })).status).toBe('open');
    await page.keyboard.press('Enter');
    await question.waitFor();
    await page.getByRole('button', { name: 'Ja, stäng omgången' }).and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/omgången är stängd/).waitFor();
    expect(pageErrors).toEqual([]);

    // The lead promotes version 2 through the gate, which the closed round now meets, and writes why.
    const lead = await openPage(browser, server.baseUrl, { width: 1366, height: 768 });
    await signIn(lead.page, 'ledare1', server.passwords.demo, 'Åre-fjäll-vandring-43');
    await lead.page.goto(`/samskapande/grupp/${group.id}`);
    await lead.page.getByRole('link', { name: /Läkare – mottagningsbesök/ }).click();
    await lead.page.getByRole('button', { name: 'Produktion till version 2' }).click();
    const dialog = lead.page.getByRole('dialog', { name: 'Version 2 till produktion' });
    await dialog.getByText('Spärren är uppfylld.').waitFor();
    await dialog.getByText(/Bedömarnas samstämmighet α = \d,\d\d – minst 0,67/).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Flytta till produktion' });
    expect(await confirm.isDisabled()).toBe(true);
    const reason = 'Kortare kontaktorsak, godkänd i blindbedömningen.';
    await dialog.getByLabel(/Varför ska version 2 i produktion/).fill(reason);
    await lead.page.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-sparr-ledare.png'), fullPage: true });
    await confirm.click();
    await lead.page.getByText('Produktion pekar nu på version 2.').waitFor();
    await lead.page.getByText(new RegExp(`Produktion v1 → v2 av .* · ${reason}`)).waitFor();
    const event = await server.deps.db.prisma.labelEvent.findFirstOrThrow({ where: { label: 'produktion' }, orderBy: { createdAt: 'desc' } });
    expect(event).toMatchObject({ reason, override: false });
    expect(lead.pageErrors).toEqual([]);
    await lead.page.context().close();
    // Three raters × eight pairs by keyboard, then the gate: about 50 s on a quiet machine.
  }, 180_000);

  it('ett nytt ledord syns i körningen: designern lägger till det, kör och ser texten flytta', async () => {
    const { page, pageErrors } = opened;
    await page.goto('/samskapande');
    await page.getByRole('link', { name: /Öppna arbetsgruppens studio/ }).click();
    await page.getByRole('link', { name: /Läkare – mottagningsbesök/ }).click();
    // The editor says which engines use what, and the no-model engine's style hints by name.
    await page.getByText(/Av stilen läser den extraktiva motorn bara antal meningar/).waitFor();
    // A decimal is typed key by key the Swedish way: "0," stays while on its way to "0,7". Put back as it was.
    const temperature = page.getByLabel(/^Temperatur/);
    const before = await temperature.inputValue();
    await temperature.fill('');
    await temperature.pressSequentially('0,');
    expect(await temperature.inputValue()).toBe('0,');
    await temperature.pressSequentially('7');
    expect(await temperature.inputValue()).toBe('0,7');
    await temperature.fill('');
    await temperature.pressSequentially(before);
    expect(await temperature.inputValue()).toBe(before);
    // A model setting out of the contract's bounds, or no number, is said under its own field and stops the save.
    const save = page.getByRole('button', { name: 'Spara som ny version' });
    const fieldError = async (field: typeof temperature) => {
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
      return page.locator(`[id="${ids.at(-1)}"]`).innerText();
    };
    await temperature.fill('3');
    expect(await fieldError(temperature)).toBe('Ange ett tal från 0 till 2.');
    const maxTokens = page.getByLabel(/^Längsta svar/);
    const tokensBefore = await maxTokens.inputValue();
    await maxTokens.fill('tusen');
    expect(await fieldError(maxTokens)).toBe('Ange ett heltal, till exempel 1500.');
    await page.getByRole('alert').getByText('Rätta de markerade fälten (”Temperatur”, ”Längsta svar”) innan du sparar.').waitFor();
    await page.getByLabel('Vad ändrades? (meddelande)').fill('Prov');
    expect(await save.isDisabled()).toBe(true);
    await temperature.fill(before);
    await maxTokens.fill(tokensBefore);
    expect(await temperature.getAttribute('aria-invalid')).toBeNull();
    expect(await maxTokens.getAttribute('aria-invalid')).toBeNull();
    const cues = page.getByLabel('Ledord för Bedömning');
    await cues.fill(`${await cues.inputValue()}\nhögre än målet`);
    await page.getByLabel('Vad ändrades? (meddelande)').fill('Ledord: högre än målet');
    await page.getByRole('button', { name: 'Spara som ny version' }).click();
    await page.getByRole('heading', { name: 'Redigera (utgår från version 3)' }).waitFor();
    // The version diff names the field in Swedish and shows only the added word.
    const diff = page.getByRole('region', { name: 'Jämför versioner' });
    await diff.getByText('Rubrik Bedömning:').waitFor();
    expect(await diff.locator('ins').allTextContents()).toEqual(['+högre än målet ']);
    expect(await diff.textContent()).not.toMatch(/cues|styleHints|maxChars/);

    const runs = page.getByRole('region', { name: 'Körningar på testfallen' });
    await runs.getByLabel('Version att köra').selectOption('3');
    await runs.getByRole('button', { name: 'Kör på alla testfall' }).click();
    await runs.getByRole('link', { name: 'Jämför version 3 med version 2' }).waitFor({ timeout: 30_000 });
    await runs.getByRole('link', { name: 'Jämför version 3 med version 2' }).click();
    await page.getByRole('heading', { name: 'Medelskillnad B − A (8 testfall)' }).waitFor();
    // The diabetes check-up's judgement, under Status until now, is under Bedömning in version 3's run.
    const diabetes = page.getByRole('region', { name: 'Årskontroll diabetes typ 2' });
    // Matched by its words: the no-model engine's sentence rewriting may shorten it.
    const judgement = /Långtidssockret .*högre än målet/;
    const bedomning = diabetes.locator('.changed-section').filter({ has: page.getByRole('heading', { name: 'Bedömning (ändrad)' }) });
    expect(await bedomning.locator('ins').filter({ hasText: 'Långtidssockret' }).count()).toBe(1);
    const status = diabetes.locator('.changed-section').filter({ has: page.getByRole('heading', { name: 'Status (ändrad)' }) });
    expect(await status.locator('del').filter({ hasText: 'Långtidssockret' }).count()).toBe(1);
    expect(await bedomning.textContent()).toMatch(judgement);
    // only a section whose text differs says "med skillnader"; the others say their text is the same
    expect(await diabetes.getByText('B, med skillnader').count()).toBe(await diabetes.locator('.changed-section').count());
    expect(await diabetes.getByText('B, samma text som A').count()).toBeGreaterThan(0);
    expect(await diabetes.textContent()).not.toMatch(/keyFactRecall|rouge|completeness/);
    await diabetes.screenshot({ path: path.join(SCREENSHOTS, 'samskapande-ledord-jamfor.png') });
    expect(pageErrors).toEqual([]);
  });
});
