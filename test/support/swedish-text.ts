import type { Page } from 'playwright-core';

/**
 * What a Swedish user should never read on a screen: program keys
 * (dot.separated, snake_case, camelCase), English words and raw codes that
 * slipped through, a decimal point where Swedish writes a comma, a word
 * repeated ("Mycket mycket", "Utkast (utkast)") and "1" with a plural.
 *
 * Text inside <code>, <kbd> and <samp> is exempt: a command or a model id the
 * user is meant to copy is marked up as code on purpose.
 */
export interface TextProblem {
  rule: string;
  match: string;
  context: string;
}

/** English words and raw codes seen in the UI before; matched as whole words, case-sensitive unless noted. */
export const FORBIDDEN_WORDS = [
  'Max tokens',
  'tokens',
  'cache',
  'JSONL',
  'read',
  'write',
  'export',
  'clinician',
  'designer',
  'draft',
  'noise',
  'vardcentral',
  'hembesok',
  'telefon_',
  'Loading',
  'Error',
  'undefined',
  'null',
  'NaN',
  'true',
  'false',
  'Submit',
  'Cancel',
  'Save',
  'Delete',
];

/** Plurals that read wrong after "1" ("1 medlemmar"). */
const PLURALS = ['medlemmar', 'anteckningar', 'timmar', 'minuter', 'sekunder', 'dagar', 'veckor', 'månader', 'versioner', 'bedömningar', 'flaggor', 'körningar', 'omgångar', 'grupper', 'meningar', 'rubriker'];

/** Units written in camel case by convention. */
const UNITS = new Set(['mmHg', 'mmol', 'kPa', 'mSv', 'mcg']);

const FILE_ENDINGS = /\.(onnx|json|jsonl|xlsx|md|csv|txt|wav|mp3|flac|webm|ogg|m4a|pdf|html|se|com|org|nu)$/i;

const snippet = (text: string, index: number, length: number) => text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ').trim();

/** `data`: strings that are the users' own data (usernames, for instance), left out before reading. */
export function findTextProblems(shown: string, data: readonly string[] = []): TextProblem[] {
  const text = data.reduce((t, d) => t.split(d).join(' '), shown);
  const problems: TextProblem[] = [];
  const add = (rule: string, re: RegExp, keep: (m: RegExpExecArray) => boolean = () => true) => {
    for (const m of text.matchAll(re)) {
      if (keep(m as RegExpExecArray)) problems.push({ rule, match: m[0], context: snippet(text, m.index ?? 0, m[0].length) });
    }
  };
  // dot.separated keys: "encounter.create", "gate.minMeanPdqi", "body.data.slug" (not "t.ex.", "bl.a.", file names).
  add('nyckel med punkter', /(?<![\p{L}\d./@-])[a-z][a-zA-Z]+(?:\.[a-z][a-zA-Z]{2,})+(?![\p{L}\d])/gu, (m) => !FILE_ENDINGS.test(m[0]));
  add('snake_case', /(?<![\p{L}\d/-])[a-z][a-z0-9]*_[a-z0-9_]+(?![\p{L}\d])/gu, (m) => !/^\.[a-z]{2,5}\b/.test(text.slice((m.index ?? 0) + m[0].length)));
  add('camelCase', /(?<![\p{L}\d/-])[a-z]{2,}[A-Z][a-zA-Z]*(?![\p{L}\d])/gu, (m) => !UNITS.has(m[0]));
  for (const word of FORBIDDEN_WORDS) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    add('engelskt ord eller rå kod', new RegExp(`(?<![\\p{L}\\d_-])${escaped}(?![\\p{L}\\d-])`, 'gu'));
  }
  // 0.51, 4.44 — but not versions (4.3.1), IP addresses or a dotted date.
  add('decimalpunkt', /(?<![\d.,])\d+\.\d+(?![\d.])/g, (m) => !isClock(text, m.index ?? 0));
  add('upprepat ord', /(?<![\p{L}])(\p{L}{3,})[ \t]+\(?\1\)?(?![\p{L}])/giu);
  add('1 med plural', new RegExp(`(?<![\\d,.])1\\s(?:${PLURALS.join('|')})(?![\\p{L}])`, 'gu'));
  return problems;
}

/** "kl. 14.30" or "14.30–15.00" is a time of day; a bare "4.44" is a decimal point. */
function isClock(text: string, index: number): boolean {
  return /kl\.?\s*$/i.test(text.slice(Math.max(0, index - 4), index)) || /^\d{1,2}\.\d{2}\s*[–-]\s*\d{1,2}\.\d{2}/.test(text.slice(index));
}

/**
 * The page's text as a user reads it: the rendered text (body.innerText, so
 * "Utkast (" + "utkast" + ")" from three React nodes reads as one line), the
 * options of closed selects, chart labels in SVG, and the labels assistive
 * technology reads. Code, kbd, samp and elements marked translate="no" (a
 * username, an id) are hidden while reading.
 */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const exemptSelector = 'code, kbd, samp, [translate="no"]';
    const style = document.createElement('style');
    style.textContent = `${exemptSelector} { display: none !important; }`;
    document.head.appendChild(style);
    try {
      const parts = [document.body.innerText];
      const keep = (el: Element) => !el.closest(exemptSelector);
      for (const el of document.querySelectorAll('option, svg text')) if (keep(el) && el.textContent?.trim()) parts.push(el.textContent.trim());
      for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        if (!keep(el)) continue;
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = el.getAttribute(attr);
          if (value?.trim()) parts.push(value.trim());
        }
      }
      for (const el of document.querySelectorAll('input:not([type]), input[type="text"]')) {
        // A number prefilled in a setting is shown to the user as well.
        const value = (el as HTMLInputElement).value;
        if (value && /^[\d.,\s-]+$/.test(value)) parts.push(value);
      }
      return parts.join('\n');
    } finally {
      style.remove();
    }
  });
}
