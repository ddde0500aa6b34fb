import { CRITICAL_BY_DEFAULT, type ErrorKind, type PlantedError, type TrainingCaseData } from '../../contracts/training';
import type { FieldProblem } from '../../errors';

/**
 * Planting errors in a draft, as pure functions over TrainingCaseData. A
 * planted error is always exactly where its offsets say (the draft's text
 * there equals `text`); every function here keeps that true or reports the
 * field at fault, so a case is never saved with an error pointing elsewhere.
 */
export interface Plant {
  kind: ErrorKind;
  section: number;
  start: number;
  end: number;
  /** the new text for [start, end); '' deletes it (an omission) */
  replacement: string;
  said: string;
  turn?: number | null;
  critical?: boolean;
  origin?: string;
}

/** Two spans overlap when they share a character, or one is a point (an omission, an insertion) strictly inside the other. */
const inside = (point: number, span: { start: number; end: number }) => span.start < point && point < span.end;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  (a.start < b.end && b.start < a.end) || (a.start === a.end && inside(a.start, b)) || (b.start === b.end && inside(b.start, a));

/** Every planted error sits where it says, and no two overlap. */
export function spanProblems(data: TrainingCaseData, prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  data.errors.forEach((e, i) => {
    const field = `${prefix}.errors.${i}`;
    const section = data.draft[e.section];
    if (!section) return problems.push({ field: `${field}.section`, message: 'Rubriken finns inte i utkastet' });
    if (e.end < e.start || e.end > section.text.length || section.text.slice(e.start, e.end) !== e.text) {
      return problems.push({ field, message: 'Markeringen finns inte i utkastet: texten på den platsen stämmer inte med felet.', span: { start: e.start, end: e.end, kind: 'span' } });
    }
    if ((e.kind === 'omission') !== (e.start === e.end)) {
      return problems.push({ field: `${field}.kind`, message: e.kind === 'omission' ? 'Ett utelämnat faktum har ingen text i utkastet' : 'Markeringen är tom' });
    }
    if (data.errors.some((o, j) => j < i && o.section === e.section && overlaps(o, e))) {
      problems.push({ field, message: 'Överlappar ett annat planterat fel' });
    }
    if (data.errors.some((o, j) => j < i && o.id === e.id)) problems.push({ field: `${field}.id`, message: 'Samma id finns två gånger' });
  });
  return problems;
}

function nextId(errors: readonly PlantedError[]): string {
  const used = errors.map((e) => Number(/^e(\d+)$/.exec(e.id)?.[1] ?? 0));
  return `e${Math.max(0, ...used) + 1}`;
}

/** Replace [start, end) of one section and move the later errors of that section along. */
function replaceText(data: TrainingCaseData, sectionIndex: number, start: number, end: number, replacement: string): TrainingCaseData {
  const delta = replacement.length - (end - start);
  const draft = data.draft.map((s, i) => (i === sectionIndex ? { ...s, text: s.text.slice(0, start) + replacement + s.text.slice(end) } : s));
  const errors = data.errors.map((e) => (e.section === sectionIndex && e.start >= end && !(e.start === end && e.end === end && start === end) ? { ...e, start: e.start + delta, end: e.end + delta } : e));
  return { ...data, draft, errors };
}

/** Where a plant cannot go, as field problems (prefix e.g. "body"). */
export function plantProblems(data: TrainingCaseData, p: Plant, prefix: string): FieldProblem[] {
  const section = data.draft[p.section];
  if (!section) return [{ field: `${prefix}.section`, message: 'Rubriken finns inte i utkastet' }];
  if (p.end < p.start || p.end > section.text.length) return [{ field: `${prefix}.start`, message: 'Markeringen finns inte i utkastet' }];
  if (p.kind === 'omission' ? p.replacement !== '' || p.end === p.start : p.replacement.trim() === '') {
    return [{ field: `${prefix}.replacement`, message: p.kind === 'omission' ? 'Markera meningen som ska tas bort' : 'Skriv den felaktiga texten' }];
  }
  if (p.kind !== 'omission' && p.replacement === section.text.slice(p.start, p.end)) return [{ field: `${prefix}.replacement`, message: 'Texten är oförändrad' }];
  if (data.errors.some((e) => e.section === p.section && overlaps(e, p))) {
    return [{ field: `${prefix}.start`, message: 'Överlappar ett fel som redan är planterat' }];
  }
  return [];
}

/** Plant one error (callers check plantProblems first). */
export function plant(data: TrainingCaseData, p: Plant): TrainingCaseData {
  const original = data.draft[p.section]!.text.slice(p.start, p.end);
  const next = replaceText(data, p.section, p.start, p.end, p.replacement);
  const error: PlantedError = {
    id: nextId(data.errors),
    kind: p.kind,
    section: p.section,
    start: p.start,
    end: p.start + p.replacement.length,
    text: p.replacement,
    original,
    said: p.said,
    turn: p.turn ?? null,
    critical: p.critical ?? CRITICAL_BY_DEFAULT[p.kind],
    origin: p.origin ?? 'hand',
  };
  return { ...next, errors: [...next.errors, error].sort((a, b) => a.section - b.section || a.start - b.start) };
}

/** Take a planted error out again: the draft gets back what it said before. */
export function unplant(data: TrainingCaseData, id: string): TrainingCaseData | null {
  const error = data.errors.find((e) => e.id === id);
  if (!error) return null;
  const rest = { ...data, errors: data.errors.filter((e) => e.id !== id) };
  return replaceText(rest, error.section, error.start, error.end, error.original);
}

/**
 * Plant several candidates that were all computed on the same draft: right to
 * left within a section, so earlier offsets stay valid. A candidate whose
 * span overlaps one already planted (or a kept one) is a problem.
 */
export function plantAll(data: TrainingCaseData, plants: readonly Plant[], prefix: string): { data: TrainingCaseData; problems: FieldProblem[] } {
  const order = plants.map((p, i) => ({ p, i })).sort((a, b) => b.p.section - a.p.section || b.p.start - a.p.start);
  let current = data;
  const problems: FieldProblem[] = [];
  for (const { p, i } of order) {
    const found = plantProblems(current, p, `${prefix}.${i}`);
    if (found.length > 0) problems.push(...found);
    else current = plant(current, p);
  }
  return { data: current, problems };
}
