/**
 * Validation of the grounding checker on the project's own Swedish
 * seeded-error cases (evals/fixtures/seeded-sv): each case has a transcript,
 * a faithful note and a copy with planted errors whose spans are annotated.
 * A flag is a true positive when it overlaps a planted span.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { checkGrounding } from '../metrics/grounding/checker';
import type { Flag, FlagKind } from '../metrics/grounding/types';

const KindSchema = z.enum(['number', 'drug', 'negation', 'diagnosis', 'plan']);

export const SeededCaseSchema = z.object({
  id: z.string().min(1),
  profession: z.string().min(1),
  /** "dev" cases were used while writing the rules; "heldout" cases were not looked at until the rules were fixed. */
  split: z.enum(['dev', 'heldout']),
  transcript: z.string().min(1),
  faithfulNote: z.string().min(1),
  erroneousNote: z.string().min(1),
  planted: z.array(z.object({ kind: KindSchema, text: z.string().min(1) })).min(1),
});
export type SeededCase = z.infer<typeof SeededCaseSchema>;

export async function loadSeededCases(dir: string): Promise<SeededCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => {
    const parsed = SeededCaseSchema.safeParse(JSON.parse(await readFile(join(dir, f), 'utf8')));
    if (!parsed.success) throw new Error(`${f}: not a seeded case (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    return parsed.data;
  }));
}

export interface PlantedResult {
  caseId: string;
  kind: FlagKind;
  text: string;
  detected: boolean;
}

export interface SeededReport {
  cases: number;
  planted: number;
  detected: number;
  recall: number;
  /** Flags on erroneous notes overlapping a planted span / all flags on erroneous notes. */
  precision: number;
  flagsOnErroneous: number;
  /** Mean number of flags on a faithful note. */
  faithfulFlagsPerNote: number;
  recallByKind: Record<FlagKind, { planted: number; detected: number }>;
  missed: PlantedResult[];
  falsePositives: { caseId: string; kind: FlagKind; span: string; faithful: boolean }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

export function evaluateSeeded(cases: readonly SeededCase[]): SeededReport {
  const results: PlantedResult[] = [];
  const falsePositives: SeededReport['falsePositives'] = [];
  let truePositiveFlags = 0;
  let flagsOnErroneous = 0;
  let faithfulFlags = 0;
  for (const c of cases) {
    const spans = c.planted.map((p) => {
      const start = c.erroneousNote.indexOf(p.text);
      if (start < 0) throw new Error(`${c.id}: planted span not found in the erroneous note`);
      return { ...p, start, end: start + p.text.length };
    });
    const flags: Flag[] = checkGrounding({ transcript: c.transcript, note: c.erroneousNote, language: 'sv' }).flags;
    flagsOnErroneous += flags.length;
    for (const f of flags) {
      if (spans.some((s) => overlaps(s, f))) truePositiveFlags++;
      else falsePositives.push({ caseId: c.id, kind: f.kind, span: f.span, faithful: false });
    }
    for (const s of spans) results.push({ caseId: c.id, kind: s.kind, text: s.text, detected: flags.some((f) => overlaps(s, f)) });
    const faithful = checkGrounding({ transcript: c.transcript, note: c.faithfulNote, language: 'sv' }).flags;
    faithfulFlags += faithful.length;
    for (const f of faithful) falsePositives.push({ caseId: c.id, kind: f.kind, span: f.span, faithful: true });
  }
  const kinds: FlagKind[] = ['number', 'drug', 'negation', 'diagnosis', 'plan'];
  const recallByKind = Object.fromEntries(kinds.map((k) => {
    const ofKind = results.filter((r) => r.kind === k);
    return [k, { planted: ofKind.length, detected: ofKind.filter((r) => r.detected).length }];
  })) as SeededReport['recallByKind'];
  const detected = results.filter((r) => r.detected).length;
  return {
    cases: cases.length,
    planted: results.length,
    detected,
    recall: results.length === 0 ? 0 : detected / results.length,
    precision: flagsOnErroneous === 0 ? 0 : truePositiveFlags / flagsOnErroneous,
    flagsOnErroneous,
    faithfulFlagsPerNote: cases.length === 0 ? 0 : faithfulFlags / cases.length,
    recallByKind,
    missed: results.filter((r) => !r.detected),
    falsePositives,
  };
}
