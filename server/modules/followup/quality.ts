import type { AppDeps } from '../../deps';
import { factWhere, type Filters } from './filters';
import { type Labels, professionName, versionName } from './labels';
import { MIN_GROUP, SUPPRESSED_SV, iterationsFor, resample, type BootstrapBudget, type Summary } from './stats';

/**
 * Quality of AI-drafted notes over time, aggregated in the database from
 * NoteFact (one groupBy, portable between SQLite and PostgreSQL): ratings at
 * signing, "what was wrong" tags, grounding flags per 100 draft sentences
 * and how they were resolved, and the edit distance draft → signed.
 */
const SUM_FIELDS = [
  'rating',
  'tagMissing',
  'tagInvented',
  'tagSpeaker',
  'tagTerminology',
  'tagStyle',
  'sentences',
  'flags',
  'flagsCritical',
  'flagsFixed',
  'flagsDismissed',
  'editChars',
  'draftChars',
] as const;
type SumField = (typeof SUM_FIELDS)[number];

export interface Sums {
  n: number;
  ratingN: number;
  editN: number;
  sum: Record<SumField, number>;
}

export interface QualityPoint {
  n: number;
  suppressed: string | null;
  ratingN: number;
  ratingMean: number | null;
  /** share of notes with each tag, 0–1 */
  tags: { missing: number; invented: number; speaker: number; terminology: number; style: number } | null;
  sentences: number;
  flagsPer100Sentences: number | null;
  criticalFlagsPer100Sentences: number | null;
  /** shares of flags, 0–1 */
  flagsFixedShare: number | null;
  flagsDismissedShare: number | null;
  flagsOpenShare: number | null;
  /** characters changed / characters drafted, over notes with edit stats */
  editRatio: number | null;
  editCharsMean: number | null;
}

export interface TrendPoint extends QualityPoint {
  professionId: string | null;
  professionName: string;
  workflowVersionId: string | null;
  versionLabel: string;
  month: string;
}

export interface ProfessionQuality extends QualityPoint {
  professionId: string | null;
  professionName: string;
  rating: Summary;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function point(s: Sums): QualityPoint {
  if (s.n < MIN_GROUP) {
    return {
      n: s.n,
      suppressed: SUPPRESSED_SV,
      ratingN: s.ratingN,
      ratingMean: null,
      tags: null,
      sentences: s.sum.sentences,
      flagsPer100Sentences: null,
      criticalFlagsPer100Sentences: null,
      flagsFixedShare: null,
      flagsDismissedShare: null,
      flagsOpenShare: null,
      editRatio: null,
      editCharsMean: null,
    };
  }
  const x = s.sum;
  const per100 = (v: number) => (x.sentences > 0 ? (100 * v) / x.sentences : null);
  return {
    n: s.n,
    suppressed: null,
    ratingN: s.ratingN,
    ratingMean: ratio(x.rating, s.ratingN),
    tags: { missing: x.tagMissing / s.n, invented: x.tagInvented / s.n, speaker: x.tagSpeaker / s.n, terminology: x.tagTerminology / s.n, style: x.tagStyle / s.n },
    sentences: x.sentences,
    flagsPer100Sentences: per100(x.flags),
    criticalFlagsPer100Sentences: per100(x.flagsCritical),
    flagsFixedShare: ratio(x.flagsFixed, x.flags),
    flagsDismissedShare: ratio(x.flagsDismissed, x.flags),
    flagsOpenShare: ratio(x.flags - x.flagsFixed - x.flagsDismissed, x.flags),
    editRatio: ratio(x.editChars, x.draftChars),
    editCharsMean: ratio(x.editChars, s.editN),
  };
}

export function addSums(a: Sums, b: Sums): Sums {
  const sum = { ...a.sum };
  for (const k of SUM_FIELDS) sum[k] += b.sum[k];
  return { n: a.n + b.n, ratingN: a.ratingN + b.ratingN, editN: a.editN + b.editN, sum };
}

export const emptySums = (): Sums => ({ n: 0, ratingN: 0, editN: 0, sum: Object.fromEntries(SUM_FIELDS.map((k) => [k, 0])) as Record<SumField, number> });

export interface QualityCell {
  professionId: string | null;
  workflowVersionId: string | null;
  month: string;
  sums: Sums;
}

/** Sums per profession × workflow version × month (AI notes only: baseline notes have no draft). */
export async function qualityCells(deps: AppDeps, f: Filters): Promise<QualityCell[]> {
  const rows = await deps.db.prisma.noteFact.groupBy({
    by: ['professionId', 'workflowVersionId', 'month'],
    where: { ...factWhere(f), mode: 'ai', ...(f.workflowVersionId ? { workflowVersionId: f.workflowVersionId } : {}) },
    _count: { _all: true, rating: true, editChars: true },
    _sum: Object.fromEntries(SUM_FIELDS.map((k) => [k, true])) as Record<SumField, true>,
    orderBy: [{ professionId: 'asc' }, { workflowVersionId: 'asc' }, { month: 'asc' }],
  });
  return rows.map((r) => ({
    professionId: r.professionId,
    workflowVersionId: r.workflowVersionId,
    month: r.month,
    sums: {
      n: r._count._all,
      ratingN: r._count.rating,
      editN: r._count.editChars,
      sum: Object.fromEntries(SUM_FIELDS.map((k) => [k, Number((r._sum as Record<SumField, number | null>)[k] ?? 0)])) as Record<SumField, number>,
    },
  }));
}

export function trend(cells: QualityCell[], labels: Labels): TrendPoint[] {
  return cells.map((c) => ({
    professionId: c.professionId,
    professionName: professionName(labels, c.professionId),
    workflowVersionId: c.workflowVersionId,
    versionLabel: versionName(labels, c.workflowVersionId),
    month: c.month,
    ...point(c.sums),
  }));
}

export interface RatingCount {
  professionId: string | null;
  rating: number;
  notes: number;
}

/** How many AI notes got each rating at signing, per profession. */
export async function ratingCounts(deps: AppDeps, f: Filters): Promise<RatingCount[]> {
  const rows = await deps.db.prisma.noteFact.groupBy({
    by: ['professionId', 'rating'],
    where: { ...factWhere(f), mode: 'ai', rating: { not: null }, ...(f.workflowVersionId ? { workflowVersionId: f.workflowVersionId } : {}) },
    _count: { _all: true },
  });
  return rows.map((r) => ({ professionId: r.professionId, rating: r.rating!, notes: r._count._all }));
}

/** Per profession over the whole period, with a bootstrap CI for the mean rating. */
export function professionQuality(cells: QualityCell[], ratings: RatingCount[], labels: Labels, budget: BootstrapBudget): ProfessionQuality[] {
  const byProfession = new Map<string, Sums>();
  for (const c of cells) byProfession.set(c.professionId ?? '', addSums(byProfession.get(c.professionId ?? '') ?? emptySums(), c.sums));
  const values = new Map<string, number[]>();
  for (const r of ratings) {
    const list = values.get(r.professionId ?? '') ?? [];
    for (let i = 0; i < r.notes; i++) list.push(r.rating);
    values.set(r.professionId ?? '', list);
  }
  // one iteration count for all professions' ratings, as for times (see stats.ts)
  const iterations = iterationsFor([...values.values()].reduce((s, v) => s + v.length, 0), budget);
  return [...byProfession.entries()].map(([p, sums], i) => ({
    professionId: p || null,
    professionName: professionName(labels, p || null),
    ...point(sums),
    rating: resample(values.get(p) ?? [], iterations, budget.seed + i).summary,
  }));
}
