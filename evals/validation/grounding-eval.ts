/**
 * Measures the grounding checker on a set of cases, both sides:
 * false alarms on correct reference notes (all and critical flags per note)
 * and recall on planted errors per kind, with precision on the seeded
 * drafts. A planted error counts as caught when any flag overlaps its span;
 * `caughtCritical` when a critical one does (what blocks signing).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EvalError } from '../datasets/errors';
import { FLAG_KINDS, checkGrounding, type Flag, type FlagKind, type GroundingResult } from '../metrics/grounding';
import { parseGroundingCase, type GroundingCase } from './grounding-cases';

/** Every *.json under `dir` (one level of sub-folders, e.g. dev/ and locked/), sorted by path. */
export async function loadGroundingCases(dir: string): Promise<GroundingCase[]> {
  const files = await jsonFiles(dir, 1);
  if (files.length === 0) throw new EvalError(`--cases: no .json case files in ${dir}`);
  const ids = new Set<string>();
  return Promise.all(files.map(async (file) => {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new EvalError(`${file}: not valid JSON`);
    }
    const parsed = parseGroundingCase(json);
    if (!parsed.ok) throw new EvalError(`${file}: not a grounding case (${parsed.message})`);
    if (ids.has(parsed.value.id)) throw new EvalError(`${file}: duplicate case id ${parsed.value.id}`);
    ids.add(parsed.value.id);
    return parsed.value;
  }));
}

async function jsonFiles(dir: string, depth: number): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new EvalError(`--cases: cannot read folder ${dir}`);
  }
  const out: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith('.json')) out.push(path);
    else if (depth > 0 && (await stat(path)).isDirectory()) out.push(...(await jsonFiles(path, depth - 1)));
  }
  return out;
}

export interface KindRecall { planted: number; caught: number; caughtCritical: number; recall: number }

export interface GroundingEvalReport {
  cases: number;
  /** Correct reference notes checked. */
  referenceNotes: number;
  flagsPerReference: number;
  criticalPerReference: number;
  drafts: number;
  planted: number;
  caught: number;
  recall: number;
  /** Planted errors overlapped by a critical flag: those that block signing. */
  caughtCritical: number;
  recallByKind: Record<FlagKind, KindRecall>;
  /** Flags on seeded drafts that overlap a planted span / all flags on seeded drafts. */
  precision: number;
  flagsOnDrafts: number;
  missed: { caseId: string; kind: FlagKind; span: string; said: string }[];
  falseAlarms: { caseId: string; on: 'reference' | 'draft'; kind: FlagKind; severity: Flag['severity']; span: string; message: string }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** How a note is checked against its case's transcript (the shipped checker unless a policy is being measured). */
export type CaseChecker = (c: GroundingCase, note: string) => GroundingResult;
const shipped: CaseChecker = (c, note) => checkGrounding({ transcript: c.transcript, note, language: 'sv' });

export function evaluateGroundingCases(cases: readonly GroundingCase[], check: CaseChecker = shipped): GroundingEvalReport {
  const byKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, { planted: 0, caught: 0, caughtCritical: 0, recall: 0 }])) as Record<FlagKind, KindRecall>;
  const missed: GroundingEvalReport['missed'] = [];
  const falseAlarms: GroundingEvalReport['falseAlarms'] = [];
  let referenceFlags = 0;
  let referenceCritical = 0;
  let drafts = 0;
  let flagsOnDrafts = 0;
  let truePositiveFlags = 0;
  for (const c of cases) {
    const reference = check(c, c.reference).flags;
    referenceFlags += reference.length;
    referenceCritical += reference.filter((f) => f.severity === 'critical').length;
    for (const f of reference) falseAlarms.push({ caseId: c.id, on: 'reference', kind: f.kind, severity: f.severity, span: f.span, message: f.message });
    for (const draft of c.drafts) {
      drafts++;
      const spans = draft.planted.map((p) => {
        const start = draft.note.indexOf(p.span);
        if (start < 0 || draft.note.indexOf(p.span, start + 1) >= 0) throw new EvalError(`${c.id}: a planted span does not occur exactly once in its draft`);
        return { ...p, start, end: start + p.span.length };
      });
      const flags = check(c, draft.note).flags;
      flagsOnDrafts += flags.length;
      for (const f of flags) {
        if (spans.some((s) => overlaps(s, f))) truePositiveFlags++;
        else falseAlarms.push({ caseId: c.id, on: 'draft', kind: f.kind, severity: f.severity, span: f.span, message: f.message });
      }
      for (const s of spans) {
        const hits = flags.filter((f) => overlaps(s, f));
        const k = byKind[s.kind];
        k.planted++;
        if (hits.length > 0) k.caught++;
        else missed.push({ caseId: c.id, kind: s.kind, span: s.span, said: s.said });
        if (hits.some((f) => f.severity === 'critical')) k.caughtCritical++;
      }
    }
  }
  for (const k of Object.values(byKind)) k.recall = ratio(k.caught, k.planted);
  const kinds = Object.values(byKind);
  const planted = kinds.reduce((n, k) => n + k.planted, 0);
  const caught = kinds.reduce((n, k) => n + k.caught, 0);
  return {
    cases: cases.length,
    referenceNotes: cases.length,
    flagsPerReference: ratio(referenceFlags, cases.length),
    criticalPerReference: ratio(referenceCritical, cases.length),
    drafts,
    planted,
    caught,
    recall: ratio(caught, planted),
    caughtCritical: kinds.reduce((n, k) => n + k.caughtCritical, 0),
    recallByKind: byKind,
    precision: ratio(truePositiveFlags, flagsOnDrafts),
    flagsOnDrafts,
    missed,
    falseAlarms,
  };
}
