import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppDeps } from '../../server/deps';
import { createSession } from '../../server/modules/auth/sessions';

/**
 * Debian's Chromium driven by playwright-core (no browser download). The
 * flags keep it from reaching the network for updates, sync or QUIC, which
 * the build machines cannot reach anyway.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM_PATH);
  if (!ok) console.warn(`Chromium saknas (${CHROMIUM_PATH}): webbläsartesterna hoppas över`);
  return ok;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** uncaught exceptions in the page; a test should end with none */
  pageErrors: string[];
}

/**
 * A fresh browser profile (own cookies) at a tablet-sized viewport, Swedish
 * locale and time zone, with short timeouts so a missing element fails fast.
 */
export async function openPage(browser: Browser, baseUrl: string, viewport = { width: 1024, height: 768 }): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * A new page already signed in as an existing user (a session put into its
 * cookies, as a sign-in leaves it), for tests that are not about signing in.
 */
export async function openSignedIn(
  browser: Browser,
  server: { deps: AppDeps; baseUrl: string },
  username: string,
  viewport: { width: number; height: number },
  timeoutMs = 5_000,
): Promise<OpenedPage> {
  const opened = await openPage(browser, server.baseUrl, viewport);
  opened.context.setDefaultTimeout(timeoutMs);
  const user = await server.deps.db.prisma.user.findUniqueOrThrow({ where: { username } });
  const { token } = await createSession(server.deps, user.id);
  await opened.context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
  return opened;
}
