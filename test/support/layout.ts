import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Checks every browser test can run on a page as it stands: nothing scrolls
 * sideways (the page is no wider than the window) and axe-core finds no
 * WCAG 2.1 A/AA violation; a full-page screenshot is kept for a person to
 * look at (test-results/, gitignored).
 */
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

/** Desktop, tablet, phone: the widths the issue tracker's users work at. */
export const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

export interface PageCheck {
  /** horizontal overflow in CSS pixels (0 when none) */
  overflow: number;
  /** the elements that stick out past the window's right edge, for the failure message */
  wideElements: string[];
  violations: string[];
  /** tables that scroll inside their box with nothing to show it (see narrowTableProblems) */
  tables: string[];
}

/**
 * A table wider than its box must say so and keep its row names in view: the
 * cue line above it is visible, and after scrolling the box to its far right
 * the first column still sits at the box's left edge. (A table shown as cards
 * is not wider than its box, so it passes by not being checked.)
 */
export async function narrowTableProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const box of document.querySelectorAll<HTMLElement>('.table-scroll')) {
      if (box.scrollWidth <= box.clientWidth + 1 || box.getClientRects().length === 0) continue;
      const name = box.querySelector('th')?.textContent?.trim() ?? '?';
      const where = box.closest('section')?.querySelector('h2, h3')?.textContent?.trim() ?? '';
      const cue = box.previousElementSibling;
      if (!cue?.classList.contains('scroll-cue') || cue.getClientRects().length === 0) problems.push(`tabellen "${name}" (${where}) rullar i sidled utan hint`);
      const first = box.querySelector<HTMLElement>('tbody tr > :first-child');
      if (first) {
        const before = box.scrollLeft;
        box.scrollLeft = box.scrollWidth;
        const offset = first.getBoundingClientRect().left - box.getBoundingClientRect().left;
        box.scrollLeft = before;
        if (Math.abs(offset) > 2) problems.push(`tabellen "${name}" (${where}): första kolumnen följer inte med i sidled (${Math.round(offset)} px)`);
      }
    }
    return problems;
  });
}

export async function checkPage(page: Page, name: string): Promise<PageCheck> {
  const { overflow, wideElements } = await page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`);
    return { overflow: Math.max(0, document.documentElement.scrollWidth - width), wideElements: wide };
  });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  fs.mkdirSync(path.join(SCREENSHOTS, 'layout'), { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'layout', `${name}.png`), fullPage: true });
  return { overflow, wideElements, violations, tables: await narrowTableProblems(page) };
}
