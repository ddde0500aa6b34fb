import { clusterRatio, type ClusterSums } from '../../../evals/metrics/cluster-bootstrap';
import type { AppDeps } from '../../deps';
import { dayWhere, type Filters } from './filters';
import { type Labels, professionName, versionName } from './labels';
import { addSums, emptySums, point, type QualityCell, type QualityPoint, type Sums } from './quality';
import { medianInPlace } from './median';
import { MIN_GROUP, SUPPRESSED_SV, type BootstrapBudget, type Summary } from './stats';

/**
 * Quality figures with the clinician as the unit: a point (per profession, or
 * per profession × version × month for the trend) sums its clinicians' notes,
 * and its mean rating, flags per 100 sentences and edit ratio get 95 %
 * intervals from a cluster bootstrap over those clinicians
 * (evals/metrics/cluster-bootstrap.ts). A point resting on fewer than five
 * clinicians (or notes) has no figures.
 */
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

const interval = (r: ReturnType<typeof clusterRatio>) => (r && r.lower !== null && r.upper !== null ? { lower: r.lower, upper: r.upper } : null);

/** One point from the cells of its clinicians. */
export function clinicianPoint(cells: readonly QualityCell[], iterations: number, seed: number): QualityPoint {
  const byClinician = new Map<string, Sums>();
  for (const c of cells) byClinician.set(c.clinicianId ?? '', addSums(byClinician.get(c.clinicianId ?? '') ?? emptySums(), c.sums));
  const per = [...byClinician.values()].filter((s) => s.n > 0);
  const p = point(per.reduce(addSums, emptySums()), per.length);
  if (p.suppressed) return p;
  const of = (pick: (s: Sums) => ClusterSums, scale = 1, k = 0) => interval(clusterRatio(per.map(pick), iterations, seed + k, scale));
  return {
    ...p,
    ci: {
      ratingMean: of((s) => ({ num: s.sum.rating, den: s.ratingN })),
      flagsPer100Sentences: of((s) => ({ num: s.sum.flags, den: s.sum.sentences }), 100, 1),
      editRatio: of((s) => ({ num: s.sum.editChars, den: s.sum.draftChars }), 1, 2),
    },
  };
}

function groupCells<K>(cells: readonly QualityCell[], key: (c: QualityCell) => K): Map<K, QualityCell[]> {
  const out = new Map<K, QualityCell[]>();
  for (const c of cells) {
    const k = key(c);
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

export function trend(cells: QualityCell[], labels: Labels, budget: BootstrapBudget): TrendPoint[] {
  const groups = groupCells(cells, (c) => `${c.professionId ?? ''}|${c.workflowVersionId ?? ''}|${c.month}`);
  return [...groups.values()].map((cs, i) => {
    const c = cs[0]!;
    return {
      professionId: c.professionId,
      professionName: professionName(labels, c.professionId),
      workflowVersionId: c.workflowVersionId,
      versionLabel: versionName(labels, c.workflowVersionId),
      month: c.month,
      ...clinicianPoint(cs, budget.maxIterations, budget.seed + 10 * i),
    };
  });
}

/** Per workflow version of one profession's cells (the report's quality table). */
export function versionPoints(cells: readonly QualityCell[], budget: BootstrapBudget): { workflowVersionId: string | null; point: QualityPoint }[] {
  return [...groupCells(cells, (c) => c.workflowVersionId).entries()].map(([workflowVersionId, cs], i) => ({ workflowVersionId, point: clinicianPoint(cs, budget.maxIterations, budget.seed + 10 * i) }));
}

export interface RatingCount {
  professionId: string | null;
  rating: number;
  notes: number;
}

/** How many AI notes got each rating at signing, per profession (for the median). */
export async function ratingCounts(deps: AppDeps, f: Filters): Promise<RatingCount[]> {
  const rows = await deps.db.prisma.noteFactDay.groupBy({
    by: ['professionId'],
    where: { ...dayWhere(f), mode: 'ai', ...(f.workflowVersionId ? { workflowVersionId: f.workflowVersionId } : {}) },
    _sum: { rating1: true, rating2: true, rating3: true, rating4: true, rating5: true },
  });
  // the rollup tallies the ratings 1–5 (the only values signing accepts)
  return rows.flatMap((r) =>
    ([1, 2, 3, 4, 5] as const).map((rating) => ({ professionId: r.professionId, rating, notes: Number(r._sum[`rating${rating}`] ?? 0) })).filter((c) => c.notes > 0),
  );
}

/** Per profession over the whole period; the rating summary's mean and interval are the clinician-level ones. */
export function professionQuality(cells: QualityCell[], ratings: RatingCount[], labels: Labels, budget: BootstrapBudget): ProfessionQuality[] {
  return [...groupCells(cells, (c) => c.professionId ?? '').entries()].map(([p, cs], i) => {
    const q = clinicianPoint(cs, budget.maxIterations, budget.seed + 10 * i);
    const values = ratings.filter((r) => (r.professionId ?? '') === p).flatMap((r) => Array<number>(r.notes).fill(r.rating));
    const rating: Summary =
      q.suppressed || q.ratingN < MIN_GROUP
        ? { n: q.ratingN, mean: null, median: null, meanCi: null, medianCi: null, suppressed: q.suppressed ?? SUPPRESSED_SV }
        : { n: q.ratingN, mean: q.ratingMean, median: medianInPlace(Float64Array.from(values)), meanCi: q.ci?.ratingMean ?? null, medianCi: null, suppressed: null };
    return { professionId: p || null, professionName: professionName(labels, p || null), ...q, rating };
  });
}
