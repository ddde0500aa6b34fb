import type { TestCase } from '../../../../server/contracts/testcase';

/**
 * The test-case editor's form state and the list edits it needs. The form
 * keeps the case exactly as the server's contract has it (so fields the
 * editor does not show, such as `audio`, survive a save), plus tags and
 * invented identifiers as the text the designer types.
 */
export interface CaseForm {
  data: TestCase;
  tagsText: string;
  inventedText: string;
}

export const PROFESSION_LABELS: Record<TestCase['profession'], string> = {
  lakare: 'Läkare',
  sjukskoterska: 'Sjuksköterska',
  fysioterapeut: 'Fysioterapeut',
  arbetsterapeut: 'Arbetsterapeut',
  'psykolog-kurator': 'Psykolog/kurator',
  telefonradgivning: 'Telefonrådgivning',
  'english-benchmark': 'Engelsk jämförelse',
};

export const SETTING_LABELS: Record<TestCase['setting'], string> = {
  vardcentral: 'Vårdcentral',
  hembesok: 'Hembesök',
  telefon: 'Telefon',
  vardavdelning: 'Vårdavdelning',
  mottagning: 'Mottagning',
};

const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** One reference entry per heading of the group's workflow, then any others the case already had. */
export function withHeadings(data: TestCase, headings: readonly string[]): TestCase {
  const known = new Map(data.referenceNote.map((r) => [r.heading, r.text]));
  const ordered = headings.map((heading) => ({ heading, text: known.get(heading) ?? '' }));
  const extra = data.referenceNote.filter((r) => !headings.includes(r.heading));
  return { ...data, referenceNote: [...ordered, ...extra] };
}

export function formFor(data: TestCase, headings: readonly string[]): CaseForm {
  return { data: withHeadings(data, headings), tagsText: data.tags.join(', '), inventedText: data.inventedIdentifiers.join('\n') };
}

export function newCase(profession: TestCase['profession']): TestCase {
  return {
    slug: '',
    title: '',
    profession,
    setting: 'vardcentral',
    tags: [],
    language: 'sv',
    turns: [
      { speaker: 'Patient', text: '' },
      { speaker: profession === 'lakare' ? 'Läkare' : 'Vårdpersonal', text: '' },
    ],
    referenceNote: [],
    keyFacts: [],
    inventedIdentifiers: [],
  };
}

/** What is sent: typed lists split, empty reference headings left out (the server needs at least one). */
export function toTestCase(form: CaseForm): TestCase {
  return {
    ...form.data,
    tags: form.tagsText.split(',').map((s) => s.trim()).filter(Boolean),
    inventedIdentifiers: lines(form.inventedText),
    referenceNote: form.data.referenceNote.filter((r) => r.text.trim() !== ''),
  };
}

export function addInvented(form: CaseForm, identifier: string): CaseForm {
  const current = lines(form.inventedText);
  return current.includes(identifier) ? form : { ...form, inventedText: [...current, identifier].join('\n') };
}

export const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] => list.map((x, k) => (k === i ? item : x));
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);

/** Moves item i one step up (-1) or down (+1); a move past either end leaves the list as it was. */
export function move<T>(list: readonly T[], i: number, step: -1 | 1): T[] {
  const j = i + step;
  if (j < 0 || j >= list.length) return [...list];
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  return copy;
}
