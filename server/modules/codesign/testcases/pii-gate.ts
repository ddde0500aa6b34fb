import { detectPii, type PiiKind } from '../../../../evals/metrics/pii';
import type { TestCase } from '../../../contracts/testcase';
import type { FieldProblem } from '../../../errors';

/**
 * The personal-data gate for test cases: every text field is scanned with
 * the detector from evals/metrics/pii.ts. A hit is accepted only when the
 * case lists it as invented (`inventedIdentifiers`); anything else refuses
 * the case. Findings carry the field path, kind and offsets, never the
 * matched text, so they are safe to return and to log.
 */
export interface PiiFinding {
  field: string;
  kind: PiiKind;
  start: number;
  end: number;
}

const KIND_SV: Record<PiiKind, string> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  phone: 'Telefonnummer',
  email: 'E-postadress',
  name: 'Namn',
  address: 'Adress',
  identifier: 'Id-nummer',
};

function textFields(testCase: TestCase): [string, string][] {
  return [
    ['title', testCase.title],
    ...testCase.tags.map((t, i): [string, string] => [`tags.${i}`, t]),
    ...testCase.turns.flatMap((t, i): [string, string][] => [
      [`turns.${i}.speaker`, t.speaker],
      [`turns.${i}.text`, t.text],
    ]),
    ...testCase.referenceNote.flatMap((s, i): [string, string][] => [
      [`referenceNote.${i}.heading`, s.heading],
      [`referenceNote.${i}.text`, s.text],
    ]),
    ...testCase.keyFacts.map((f, i): [string, string] => [`keyFacts.${i}.text`, f.text]),
  ];
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv');

/** A hit is invented when it equals, or is a word-part of, a listed invented identifier. */
function isInvented(hit: string, invented: readonly string[]): boolean {
  const h = fold(hit);
  return invented.some((x) => {
    const inv = fold(x);
    return inv === h || inv.split(/\s+/).includes(h) || (h.length > 3 && inv.includes(h));
  });
}

/** The gate over any list of [field, text] pairs (test cases, training cases). */
export function scanFields(fields: readonly [string, string][], invented: readonly string[]): PiiFinding[] {
  return fields.flatMap(([field, text]) =>
    detectPii(text, { anyCheckDigit: true })
      .filter((hit) => !isInvented(hit.text, invented))
      .map((hit) => ({ field, kind: hit.kind, start: hit.start, end: hit.end })),
  );
}

export function findPersonalData(testCase: TestCase): PiiFinding[] {
  return scanFields(textFields(testCase), testCase.inventedIdentifiers);
}

export function piiProblems(findings: readonly PiiFinding[], prefix: string): FieldProblem[] {
  return findings.map((f) => ({
    field: `${prefix}.${f.field}`,
    message: `${KIND_SV[f.kind]} på tecken ${f.start}–${f.end}. Ta bort det, eller lägg det under Påhittade identifierare om det är påhittat.`,
    span: { start: f.start, end: f.end, kind: KIND_SV[f.kind] },
  }));
}
