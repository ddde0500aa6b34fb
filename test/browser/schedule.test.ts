import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openSignedIn } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { seedKnownFollowup } from '../support/followup-data';
import { SCREENSHOTS, VIEWPORTS } from '../support/layout';

/**
 * A comparison schedule as its users meet it: the lead sets one up that
 * starts tomorrow; the clinician sees nothing of it today; once its first
 * period has begun (the start moved to today — time passing) the encounter
 * form starts on the period's mode and tells only this period; the clinician
 * chooses the other mode, is asked why, gives a reason, and the lead's
 * dashboard counts the override. Screenshots of the schedule and the
 * precision calculator at the three widths (test-results/schedule/).
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumAvailable())('jämförelseschema i Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ workers: false }), launchChromium()]);
    await seedKnownFollowup(server.deps);
    await server.deps.db.prisma.user.updateMany({ data: { mustChangePassword: false } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // The follow-up pages compute their figures on first view: a longer wait than the default.
  const signedIn = (username: string, viewport: { width: number; height: number }) => openSignedIn(browser, server, username, viewport, 20_000);

  it('kliniken ser periodens arbetssätt först när perioden börjat, avviker med motivering och avvikelsen räknas', async () => {
    const db = server.deps.db.prisma;
    const lead = await signedIn('ledare1', { width: 1366, height: 768 });
    await lead.page.goto('/uppfoljning');
    const form = lead.page.getByRole('form', { name: 'Nytt jämförelseschema' });
    await form.getByLabel('Schemats namn').fill('Läkare växelvis');
    await form.getByLabel('Schemats yrkesgrupp').selectOption({ label: 'Läkare' });
    await form.getByLabel('Tilldelning').selectOption('unit');
    await form.getByLabel('Första dagen').fill(day(1));
    await form.getByLabel('Antal perioder').fill('4');
    await form.getByRole('button', { name: 'Skapa schema' }).click();
    const schedules = lead.page.locator('section[aria-labelledby="schedule-title"]');
    await schedules.getByText(/^Läkare växelvis/).waitFor();
    expect(await schedules.innerText()).toContain('Växelvis per vårdenhet, 4 perioder om 7 dagar från');
    const schedule = await db.comparisonSchedule.findFirstOrThrow({ where: { name: 'Läkare växelvis' } });

    // today the schedule has not started: the clinician chooses freely and is told nothing of it
    const clinician = await signedIn('lakare1', { width: 1024, height: 768 });
    await clinician.page.goto('/anteckningar');
    const encounter = clinician.page.getByRole('form', { name: 'Nytt besök' });
    await encounter.getByLabel('Etikett').waitFor();
    await clinician.page.waitForLoadState('networkidle');
    expect(await encounter.getByText(/Jämförelseschemat/).count()).toBe(0);
    expect(await encounter.getByLabel('Med AI-stöd').isChecked()).toBe(true);

    // the first period begins (time passes): the form follows the schedule and tells this period only
    await db.comparisonSchedule.update({ where: { id: schedule.id }, data: { startDay: day(0) } });
    await clinician.page.reload();
    const notice = encounter.getByRole('status').filter({ hasText: 'Jämförelseschemat' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toMatch(new RegExp(`^Jämförelseschemat ”Läkare växelvis”: den här perioden \\(till och med ${day(6)}\\) dokumenterar du (med ai-stöd|utan ai \\(jämförelse\\))\\.$`));
    expect(text).not.toMatch(/nästa|sedan|därefter/i);
    const assignedAi = text.includes('med ai-stöd');
    const [assigned, other] = assignedAi ? ['Med AI-stöd', 'Utan AI (jämförelse)'] : ['Utan AI (jämförelse)', 'Med AI-stöd'];
    expect(await encounter.getByLabel(assigned).isChecked()).toBe(true);

    // choosing the other mode asks why; without a reason nothing is created
    await encounter.getByLabel('Etikett').fill('Besök 14.30');
    await encounter.getByLabel(other).check();
    const reason = encounter.getByLabel('Varför avviker du från schemat?');
    await reason.waitFor();
    await encounter.getByRole('button', { name: 'Skapa besök' }).click();
    await encounter.getByText('Skriv varför du avviker från schemat (inga patientuppgifter).').waitFor();
    expect(await db.encounter.count({ where: { scheduleId: schedule.id } })).toBe(0);
    await reason.fill('Inspelningsutrustningen var trasig');
    await encounter.getByRole('button', { name: 'Skapa besök' }).click();
    await expect.poll(() => db.encounter.count({ where: { scheduleId: schedule.id } })).toBe(1);
    const created = await db.encounter.findFirstOrThrow({ where: { scheduleId: schedule.id } });
    expect(created).toMatchObject({ label: 'Besök 14.30', mode: assignedAi ? 'baseline' : 'ai', assignedMode: assignedAi ? 'ai' : 'baseline', modeOverrideReason: 'Inspelningsutrustningen var trasig' });
    expect(clinician.pageErrors).toEqual([]);

    // the lead's dashboard counts it
    await lead.page.reload();
    await schedules.getByText(/^Läkare växelvis/).waitFor();
    expect(await schedules.innerText()).toContain('1 besök, 1 avvikelse från schemat.');
    expect(lead.pageErrors).toEqual([]);
    await lead.context.close();
    await clinician.context.close();
  }, 120_000);

  it('schemat och kalkylatorn vid tre bredder', async () => {
    fs.mkdirSync(path.join(SCREENSHOTS, 'schedule'), { recursive: true });
    for (const viewport of VIEWPORTS) {
      const { page, context, pageErrors } = await signedIn('ledare1', viewport);
      await page.goto('/uppfoljning');
      const schedules = page.locator('section[aria-labelledby="schedule-title"]');
      const calculator = page.locator('section[aria-labelledby="precision-title"]');
      await schedules.getByRole('button', { name: 'Skapa schema' }).waitFor();
      await calculator.getByRole('table', { name: 'Kliniker som behövs' }).waitFor();
      for (const [name, section] of [['schema', schedules], ['kalkylator', calculator]] as const) {
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: path.join(SCREENSHOTS, 'schedule', `${name}-${viewport.name}.png`) });
        // nothing in the section sticks out past the window
        const right = await section.evaluate((el) => Math.max(...[el, ...el.querySelectorAll('*')].filter((e) => !e.closest('.table-scroll') || e.classList.contains('table-scroll')).map((e) => e.getBoundingClientRect().right)));
        expect(right, `${name} at ${viewport.width}`).toBeLessThanOrEqual(viewport.width + 0.5);
      }
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
