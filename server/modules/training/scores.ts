import { ERROR_KINDS, type ErrorKind } from '../../contracts/training';
import type { AppDeps } from '../../deps';
import { parseResult } from './rounds';

/**
 * Scores that teach. A person sees their own, in full. A working group or a
 * lead sees aggregates only, each figure over at least MIN_PEOPLE people: a
 * cell with fewer is reported as suppressed. The clinician is the unit: a
 * group's detection rate is the mean of its members' rates, so one person
 * who reviewed many cases does not stand for the group.
 */
export const MIN_PEOPLE = 5;

interface AnswerRow {
  userId: string;
  roundId: string;
  professionId: string | null;
  careUnitId: string | null;
  showFlags: boolean;
  submittedAt: Date | null;
  durationMs: number | null;
  falseMarks: number;
  result: unknown;
}

/** Map.groupBy is Node ≥ 21; the workbench runs on 20.19. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const rate = (found: number, planted: number) => (planted === 0 ? null : found / planted);
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

interface Tally { planted: number; found: number }
function tally(rows: readonly AnswerRow[], keep: (e: { kind: ErrorKind; critical: boolean }) => boolean = () => true): Tally {
  let planted = 0;
  let found = 0;
  for (const r of rows) for (const e of parseResult(r.result).errors) if (keep(e)) { planted++; if (e.found) found++; }
  return { planted, found };
}

/** Mean over people of each person's detection rate (people with nothing planted in scope are left out). */
export function perPersonDetection(rows: readonly AnswerRow[], keep?: (e: { kind: ErrorKind; critical: boolean }) => boolean): { people: number; detection: number | null } {
  const byUser = groupBy(rows, (r) => r.userId);
  const rates = [...byUser.values()].map((rs) => { const t = tally(rs, keep); return rate(t.found, t.planted); }).filter((x): x is number => x !== null);
  return { people: rates.length, detection: mean(rates) };
}

const submitted = (deps: AppDeps, where: object) =>
  deps.db.prisma.trainingAnswer.findMany({
    where: { submittedAt: { not: null }, ...where },
    select: { userId: true, roundId: true, professionId: true, careUnitId: true, showFlags: true, submittedAt: true, durationMs: true, falseMarks: true, result: true },
    orderBy: { submittedAt: 'asc' },
  });

/** One person's own scores: by kind, false alarms, time per case, and progress round by round. */
export async function myScores(deps: AppDeps, userId: string) {
  const rows = await submitted(deps, { userId });
  const rounds = await deps.db.prisma.trainingRound.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.roundId))] } }, select: { id: true, name: true, showFlags: true } });
  const all = tally(rows);
  return {
    cases: rows.length,
    planted: all.planted,
    found: all.found,
    detection: rate(all.found, all.planted),
    falseMarks: rows.reduce((n, r) => n + r.falseMarks, 0),
    falseMarksPerCase: rows.length === 0 ? null : rows.reduce((n, r) => n + r.falseMarks, 0) / rows.length,
    meanSecondsPerCase: mean(rows.flatMap((r) => (r.durationMs === null ? [] : [r.durationMs / 1000]))),
    byKind: ERROR_KINDS.map((kind) => { const t = tally(rows, (e) => e.kind === kind); return { kind, ...t, detection: rate(t.found, t.planted) }; }),
    progress: [...groupBy(rows, (r) => r.roundId)].map(([roundId, rs]) => {
      const t = tally(rs);
      const round = rounds.find((x) => x.id === roundId);
      return { roundId, name: round?.name ?? '', showFlags: round?.showFlags ?? false, finishedAt: rs.at(-1)!.submittedAt, cases: rs.length, ...t, detection: rate(t.found, t.planted), falseMarks: rs.reduce((n, r) => n + r.falseMarks, 0) };
    }),
  };
}

function cell(rows: readonly AnswerRow[], keep?: (e: { kind: ErrorKind; critical: boolean }) => boolean) {
  const people = new Set(rows.map((r) => r.userId)).size;
  if (people < MIN_PEOPLE) return { people, detection: null, suppressed: true };
  return { ...perPersonDetection(rows, keep), people, suppressed: false };
}

/**
 * Aggregates for a working group (its rounds) or for leads (all rounds):
 * detection by kind and by profession, with and without flags shown, and
 * false alarms per case, every cell over ≥ MIN_PEOPLE people.
 */
export async function groupScores(deps: AppDeps, where: { groupId?: string }) {
  const rows = await submitted(deps, where.groupId ? { round: { groupId: where.groupId } } : {});
  const professions = await deps.db.prisma.profession.findMany({ select: { id: true, code: true, name: true } });
  const flagSplit = (rs: readonly AnswerRow[], keep?: (e: { kind: ErrorKind; critical: boolean }) => boolean) => ({
    all: cell(rs, keep),
    withFlags: cell(rs.filter((r) => r.showFlags), keep),
    withoutFlags: cell(rs.filter((r) => !r.showFlags), keep),
  });
  const people = new Set(rows.map((r) => r.userId)).size;
  return {
    minPeople: MIN_PEOPLE,
    people,
    overall: flagSplit(rows),
    falseMarksPerCase: people < MIN_PEOPLE || rows.length === 0 ? null : mean([...groupBy(rows, (r) => r.userId).values()].map((rs) => rs.reduce((n, r) => n + r.falseMarks, 0) / rs.length)),
    byKind: ERROR_KINDS.map((kind) => ({ kind, ...flagSplit(rows, (e) => e.kind === kind) })),
    byProfession: professions
      .map((p) => ({ professionId: p.id, code: p.code, name: p.name, rows: rows.filter((r) => r.professionId === p.id) }))
      .filter((p) => p.rows.length > 0)
      .map(({ rows: rs, ...p }) => ({ ...p, ...flagSplit(rs), byKind: ERROR_KINDS.map((kind) => ({ kind, ...cell(rs, (e) => e.kind === kind) })) })),
  };
}
