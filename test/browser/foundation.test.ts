import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeAllSessions } from '../../server/modules/auth/sessions';
import { startTestServer, type TestServer } from '../support/app';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { Client } from '../support/http';

/**
 * The foundation end to end in a real browser: sign-in with one-time
 * passwords, each role's home, the admin page, and the Swedish messages for
 * a wrong password, a missing right, an unknown address and an expired
 * session. Everything runs against the real server and the built client.
 */
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');
const ONE_TIME_PASSWORD = /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/;
const ADMIN_PASSWORD = 'Fjällbacka-solsken-2025';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.waitForURL('**/byt-losenord');
  await page.getByLabel('Nuvarande lösenord').fill(current);
  await page.getByLabel('Nytt lösenord', { exact: true }).fill(next);
  await page.getByLabel('Upprepa nytt lösenord').fill(next);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();
const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe.skipIf(!chromiumAvailable())('webbklienten i Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const opened: OpenedPage[] = [];
  const open = async () => {
    const o = await openPage(browser, server.baseUrl);
    opened.push(o);
    return o.page;
  };

  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer({ db: 'sqlite', workers: false }), launchChromium()]);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('utan inloggning: inloggningssidan utan fel i konsolen (sessionsfrågan svarar 200, inte 401)', async () => {
    const page = await open();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto('/');
    await page.waitForURL('**/logga-in');
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(consoleErrors).toEqual([]);
  });

  it('fel lösenord ger ett svenskt felmeddelande', async () => {
    const page = await open();
    await signIn(page, 'ledare1', 'inte-rätt-lösenord');
    const alert = page.getByRole('alert');
    await alert.getByText('Fel användarnamn eller lösenord.').waitFor();
    expect(await alert.textContent()).toContain('Inloggningen misslyckades');
    expect(page.url()).toMatch(/\/logga-in$/);
  });

  it('för många försök ger väntetiden från servern', async () => {
    const page = await open();
    await signIn(page, 'okand', 'gissning-0');
    const button = page.getByRole('button', { name: 'Logga in' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Lösenord', { exact: true }).fill(`gissning-${attempt}`);
      await button.click();
      await page.getByRole('alert').waitFor();
    }
    const alert = page.getByRole('alert');
    await alert.getByText('För många försök').waitFor();
    expect(await alert.textContent()).toMatch(/Vänta \d+ minuter och försök igen\./);
  });

  it('administratören byter engångslösenordet, skapar en användare och loggar ut', async () => {
    const page = await open();
    await signIn(page, 'admin', server.passwords.admin);
    // The server's own rule messages appear under the new-password field.
    await changePassword(page, server.passwords.admin, 'kort');
    await page.getByText('Lösenordet måste ha minst 12 tecken.', { exact: true }).waitFor();
    expect(await page.getByLabel('Nytt lösenord', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await changePassword(page, server.passwords.admin, ADMIN_PASSWORD);
    await heading(page, 'Administration').waitFor();
    expect(page.url()).toMatch(/\/admin\/anvandare$/);
    expect(await navLinks(page)).toEqual(['Administration']);

    await page.getByRole('button', { name: 'Ny användare' }).click();
    const form = page.getByRole('form', { name: 'Ny användare' });
    await form.getByLabel('Användarnamn').fill('testkliniker');
    await form.getByLabel('Namn', { exact: true }).fill('Testa Klinikersson');
    await form.getByLabel('Yrkesgrupp').selectOption({ label: 'Sjuksköterska' });
    await form.getByLabel('Vårdenhet').selectOption({ label: 'Hälsocentral Sveg (demo)' });
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    const secret = (await page.getByTestId('one-time-secret').textContent()) ?? '';
    expect(secret).toMatch(ONE_TIME_PASSWORD);
    const row = page.getByRole('row').filter({ hasText: 'Testa Klinikersson' });
    await row.getByText('Hälsocentral Sveg (demo)').waitFor();
    expect(await row.textContent()).toContain('Engångslösenord');
    await screenshot(page, 'hem-administration');

    // The password shown is the real one: the new user can sign in with it.
    const login = await new Client(server.baseUrl).post('/api/v1/auth/login', { username: 'testkliniker', password: secret });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ mustChangePassword: true, roles: ['clinician'], profession: { name: 'Sjuksköterska' } });

    await page.getByRole('button', { name: 'Administratör' }).click();
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
    await page.waitForURL('**/logga-in');
    await page.getByText('Du är utloggad.').waitFor();
  });

  it('administratören sköter yrkesgrupper, vårdenheter, arbetsgrupper, API-nycklar och åtkomstlogg, och ser modellernas läge', async () => {
    const page = await open();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, 'admin', ADMIN_PASSWORD);
    const sub = page.getByRole('navigation', { name: 'Administrationens delar' });

    await page.getByRole('button', { name: 'Ändra testkliniker' }).click();
    await page.getByRole('form', { name: 'Ändra testkliniker' }).getByLabel('Arbetsgrupp (design)').check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('row').filter({ hasText: 'Testa Klinikersson' }).getByText('Kliniker, Arbetsgrupp (design)').waitFor();

    await sub.getByRole('link', { name: 'Yrkesgrupper' }).click();
    const professionForm = page.getByRole('form', { name: 'Ny yrkesgrupp' });
    await professionForm.getByLabel('Kod').fill('Fel kod');
    await professionForm.getByLabel('Namn').fill('Dietist');
    await professionForm.getByRole('button', { name: 'Lägg till' }).click();
    await professionForm.getByRole('alert').getByText('Rätta de markerade fälten.').waitFor();
    expect(await professionForm.getByLabel('Kod').getAttribute('aria-invalid')).toBe('true');
    await professionForm.getByLabel('Kod').fill('dietist');
    await professionForm.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Dietist kod dietist' }).waitFor();

    await sub.getByRole('link', { name: 'Vårdenheter' }).click();
    const unitForm = page.getByRole('form', { name: 'Ny vårdenhet' });
    await unitForm.getByLabel('Kod').fill('vc-krokom');
    await unitForm.getByLabel('Namn').fill('Hälsocentral Krokom (test)');
    await unitForm.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Hälsocentral Krokom (test) kod vc-krokom' }).waitFor();

    await sub.getByRole('link', { name: 'Arbetsgrupper' }).click();
    const groupForm = page.getByRole('form', { name: 'Ny arbetsgrupp' });
    await groupForm.getByLabel('Namn').fill('Arbetsgrupp dietister');
    await groupForm.getByLabel('Yrkesgrupp').selectOption({ label: 'Dietist' });
    await groupForm.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('button', { name: 'Ändra Arbetsgrupp dietister' }).click();
    await page.getByRole('form', { name: 'Ändra Arbetsgrupp dietister' }).getByLabel('Testa Klinikersson (testkliniker)').check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Arbetsgrupp dietister' }).getByText(/ 1 medlem$/).waitFor();

    await sub.getByRole('link', { name: 'API-nycklar' }).click();
    await page.getByLabel('Namn på nyckeln').fill('Testsystem');
    await page.getByRole('button', { name: 'Skapa nyckel' }).click();
    expect(await page.getByTestId('one-time-secret').textContent()).toMatch(/^jv-[\w-]{20,}$/);
    await page.getByRole('button', { name: 'Återkalla Testsystem' }).click();
    await page.getByRole('row').filter({ hasText: 'Testsystem' }).getByText(/^Återkallad /).waitFor();

    await sub.getByRole('link', { name: 'Åtkomstlogg' }).click();
    await page.getByLabel('En användare').check();
    await page.getByLabel('Användare', { exact: true }).selectOption({ label: 'Administratör (admin)' });
    await page.getByRole('button', { name: 'Visa utdrag' }).click();
    await page.getByRole('heading', { name: /^\d+ händelser$/ }).waitFor();
    const csvHref = await page.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href');
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toBe('at;userId;username;role;careUnitId;encounterId;action;kind;outcome;requestId;actionLabel;kindLabel;roleLabel');

    await sub.getByRole('link', { name: 'Modeller' }).click();
    // One card per model (readable on a phone), named by its heading.
    const card = (name: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    const asr = card(/^Taligenkänning/);
    await asr.waitFor();
    expect(await asr.innerText()).toContain('Saknas');
    expect(await asr.innerText()).toContain('npm run models -- pull');
    expect(await card(/^Röstaktivitet/).innerText()).toContain('Installerad');
  });

  it('klinikern skapar och öppnar ett besök, möter behörighet, 404 och utgången session', async () => {
    const page = await open();
    await signIn(page, 'lakare1', server.passwords.demo);
    await changePassword(page, server.passwords.demo, 'Storsjöodjuret-simmar-7');
    await heading(page, 'Mina anteckningar').waitFor();
    expect(await navLinks(page)).toEqual(['Mina anteckningar']);

    await page.getByLabel('Etikett').fill('Besök 14.30');
    await page.getByRole('button', { name: 'Skapa besök' }).click();
    await heading(page, 'Besök 14.30').waitFor();
    await page.getByRole('button', { name: 'Patienten har samtyckt' }).click();
    await page.getByText(/^Patienten samtyckte till inspelning \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/).waitFor();
    // no Whisper in this server's models folder: said before anyone records, with what still works
    const notice = page.locator('section[aria-labelledby="recording-title"] .notice');
    await notice.getByText(/^Modellen .+ är inte installerad på servern\.$/).waitFor();
    expect(await notice.innerText()).toContain('Klistra in transkriptet om du behöver det nu.');

    await page.getByRole('link', { name: 'Mina anteckningar' }).first().click();
    await page.getByRole('link', { name: 'Besök 14.30' }).click();
    await heading(page, 'Besök 14.30').waitFor();
    const encounterId = decodeURIComponent(page.url().split('/').pop() ?? '');
    const stored = await server.deps.db.prisma.encounter.findUniqueOrThrow({ where: { id: encounterId } });
    expect(stored.consentAt).not.toBeNull();
    await page.getByRole('link', { name: 'Mina anteckningar' }).first().click();
    await page.getByRole('link', { name: 'Besök 14.30' }).waitFor();
    await screenshot(page, 'hem-mina-anteckningar');

    await page.goto('/admin');
    await heading(page, 'Saknar behörighet').waitFor();
    await page.goto('/finns-inte/alls');
    await heading(page, 'Sidan finns inte').waitFor();
    // The menu's rating-queue check is still on its way when the heading shows;
    // ending the session before it answers would send the user to the login
    // page before the click below (a race seen once in CI).
    await page.waitForLoadState('networkidle');

    // The session ends on the server (logged out everywhere, as from another
    // device; through the server, so every web process's session copy goes
    // too); the next request in the app answers 401 and the user lands on
    // the login page.
    const user = await server.deps.db.prisma.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
    await revokeAllSessions(server.deps, user.id);
    await page.getByRole('link', { name: 'Mina anteckningar' }).first().click();
    await page.waitForURL('**/logga-in');
    await page.getByText('Din session har gått ut. Logga in igen.').waitFor();
  });

  it('arbetsgruppens deltagare ser Samskapande med sin grupp', async () => {
    const page = await open();
    await signIn(page, 'design1', server.passwords.demo);
    await changePassword(page, server.passwords.demo, 'Åre-backarna-i-mars-31');
    await heading(page, 'Samskapande').waitFor();
    expect(await navLinks(page)).toEqual(['Samskapande']);
    const group = page.getByRole('region', { name: 'Arbetsgrupp läkare primärvård' });
    await group.getByText('Demodesigner').waitFor();
    await screenshot(page, 'hem-samskapande');
  });

  it('projektledaren ser Uppföljning utan påhittade siffror', async () => {
    const page = await open();
    await signIn(page, 'ledare1', server.passwords.demo);
    await changePassword(page, server.passwords.demo, 'Jämtkraft-och-kaffe-99');
    await heading(page, 'Uppföljning').waitFor();
    expect(await navLinks(page)).toEqual(['Samskapande', 'Uppföljning']);
    expect(await page.getByText('Inga data ännu.').count()).toBe(2);
    await screenshot(page, 'hem-uppfoljning');
  });

  it('inga oväntade fel i sidornas JavaScript', () => {
    expect(opened.flatMap((o) => o.pageErrors)).toEqual([]);
  });
});
