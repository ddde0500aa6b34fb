import { z } from 'zod';
import { ErrorKindSchema, type Mark, type TrainingCaseData } from '../../contracts/training';
import type { FieldProblem } from '../../errors';
import { stems } from './variants/types';

/**
 * Scoring one review against the planted errors. A span mark finds a planted
 * error when it overlaps it in the same section (any kind: finding it is
 * what matters; the kind is reported separately). A "saknas: …" mark finds
 * an omission when it shares a content word with what was left out, or names
 * the omission's heading. A mark that finds nothing is a false alarm.
 */
export const ScoredErrorSchema = z.object({ id: z.string(), kind: ErrorKindSchema, critical: z.boolean(), found: z.boolean(), kindCorrect: z.boolean() });
export const AnswerResultSchema = z.object({ errors: z.array(ScoredErrorSchema), falseMarks: z.array(z.number().int()) });
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function finds(mark: Mark, error: TrainingCaseData['errors'][number]): boolean {
  if (error.kind === 'omission') {
    if (mark.type !== 'missing') return false;
    const said = stems(error.said);
    return [...stems(mark.text)].some((w) => said.has(w)) || mark.section === error.section;
  }
  return mark.type === 'span' && mark.section === error.section && overlaps(mark, error.start === error.end ? { start: error.start, end: error.start + 1 } : error);
}

export function scoreAnswer(data: TrainingCaseData, marks: readonly Mark[]): AnswerResult {
  const used = new Set<number>();
  const errors = data.errors.map((e) => {
    const hits = marks.flatMap((m, i) => (finds(m, e) ? [i] : []));
    hits.forEach((i) => used.add(i));
    const kinds = hits.map((i) => { const m = marks[i]!; return m.type === 'missing' ? 'omission' : m.kind; });
    return { id: e.id, kind: e.kind, critical: e.critical, found: hits.length > 0, kindCorrect: kinds.includes(e.kind) };
  });
  return { errors, falseMarks: marks.flatMap((_, i) => (used.has(i) ? [] : [i])) };
}

/** Every span mark must lie inside the draft the participant saw. */
export function markProblems(data: TrainingCaseData, marks: readonly Mark[]): FieldProblem[] {
  return marks.flatMap((m, i): FieldProblem[] => {
    if (m.section !== null && !data.draft[m.section]) return [{ field: `body.marks.${i}.section`, message: 'Rubriken finns inte i utkastet' }];
    if (m.type === 'span' && (m.end <= m.start || m.end > data.draft[m.section]!.text.length)) {
      return [{ field: `body.marks.${i}`, message: 'Markeringen finns inte i utkastet', span: { start: m.start, end: m.end, kind: 'span' } }];
    }
    return [];
  });
}
