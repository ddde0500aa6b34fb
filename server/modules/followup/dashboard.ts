import type { AppDeps } from '../../deps';
import { precisionPlans, type PrecisionPlan } from './analysis-plan';
import { extrapolate, readAssumptions, type Extrapolation, type StoredAssumptions } from './assumptions';
import { baselineSources } from './baseline-import';
import { keyFactRecall, labelMoves, ratingRounds, type KeyFactResult, type LabelMove, type RoundResult } from './codesign';
import { DEFINITIONS_SV, explainExtrapolation, explainQuality, explainSurveys, explainTime } from './explanations';
import { rollupMedians, timeCells } from './bulk';
import { refreshFacts } from './facts';
import type { Filters, GroupBy } from './filters';
import { loadLabels, type Labels } from './labels';
import { qualityCells, type QualityCell } from './quality';
import { professionQuality, ratingCounts, trend, type ProfessionQuality, type TrendPoint } from './quality-points';
import { listSchedules } from './schedule';
import { surveySummary, type SurveyGroup } from './surveys';
import { timeSaved, type TimeGroup } from './time-saved';
import type { BootstrapBudget } from './stats';

/**
 * Everything the follow-up dashboard and the reports show, for one set of
 * filters. Timing statistics are computed from one narrow row per note;
 * quality is summed in the database. The same object feeds the XLSX and
 * Markdown reports, so what a lead sees and what the region receives agree.
 */
export interface FollowupData {
  generatedAt: string;
  /** false: older notes are still being read into the follow-up (first start on existing data) */
  factsComplete: boolean;
  filters: { profession: string | null; unit: string | null; version: string | null; from: string; to: string; groupBy: Filters['groupBy'] };
  definitions: typeof DEFINITIONS_SV;
  time: { groups: TimeGroup[]; byProfession: TimeGroup[]; extra: Partial<Record<GroupBy, TimeGroup[]>>; precision: PrecisionPlan[]; explanation: string };
  extrapolation: { rows: Extrapolation[]; assumptions: StoredAssumptions; explanation: string };
  quality: { byProfession: ProfessionQuality[]; trend: TrendPoint[]; cells: QualityCell[]; keyFacts: KeyFactResult[]; ratingRounds: RoundResult[]; labelMoves: LabelMove[]; explanation: string };
  surveys: { groups: SurveyGroup[]; explanation: string };
  baseline: Awaited<ReturnType<typeof baselineSources>>;
  schedules: Awaited<ReturnType<typeof listSchedules>>;
  options: {
    professions: { id: string; code: string; name: string }[];
    units: { id: string; name: string }[];
    versions: { id: string; label: string; professionId: string; noteType: string }[];
  };
  labels: Labels;
}

/** `extra`: more groupings of the time comparison (the report's per-month and per-unit tables). */
export async function followupData(deps: AppDeps, f: Filters, budget: BootstrapBudget, extra: GroupBy[] = [], opts: { waitForFill?: boolean } = {}): Promise<FollowupData> {
  const refreshed = await refreshFacts(deps, opts);
  const db = deps.db.prisma;
  // Every database query is sent at once — the time cells and the quality
  // sums each read the period's facts, and on two or more cores PostgreSQL
  // runs them side by side. The time cells are the longest query (at a
  // million notes most of a view's wait): the quality figures and the
  // co-design and survey figures, which need only the labels, are computed
  // while it is still being answered, not after it.
  const timesPromise = timeCells(deps, f);
  const labelsPromise = loadLabels(deps);
  const qualityPromise = Promise.all([labelsPromise, qualityCells(deps, f), ratingCounts(deps, f)]).then(([labels, cells, ratings]) => ({
    cells,
    perProfession: professionQuality(cells, ratings, labels, budget),
    trend: trend(cells, labels, budget),
  }));
  const sidePromise = labelsPromise.then((labels) =>
    Promise.all([
      keyFactRecall(deps, labels, f.professionId),
      ratingRounds(deps, labels, f.professionId),
      labelMoves(deps, labels, f.professionId, f),
      surveySummary(deps, labels, f.professionId, budget),
      baselineSources(deps),
      listSchedules(deps),
    ]),
  );
  // both awaited below; this only keeps an early failure above from leaving them unhandled
  qualityPromise.catch(() => undefined);
  sidePromise.catch(() => undefined);
  const [labels, times, imported, assumptions] = await Promise.all([
    labelsPromise,
    timesPromise,
    db.baselineTime.findMany({ where: f.professionId ? { professionId: f.professionId } : {}, select: { professionId: true, noteType: true, minutes: true } }),
    readAssumptions(deps),
  ]);
  const medians = rollupMedians(deps, f);
  const groups = await timeSaved(times, imported, f, labels, budget, medians);
  const byProfession = f.groupBy === 'profession' ? groups : await timeSaved(times, imported, { ...f, groupBy: 'profession' }, labels, budget, medians);
  const extraGroups: FollowupData['time']['extra'] = {};
  for (const groupBy of extra) extraGroups[groupBy] = await timeSaved(times, imported, { ...f, groupBy }, labels, budget, medians);
  const extrapolation = byProfession
    .filter((g) => g.professionId && labels.professions.has(g.professionId))
    .map((g) => {
      const p = labels.professions.get(g.professionId!)!;
      return extrapolate(p, g.saved.active, assumptions.professions[p.code]);
    });
  const { cells, perProfession, trend: trendPoints } = await qualityPromise;
  const [keyFacts, rounds, moves, surveys, baseline, schedules] = await sidePromise;
  return {
    generatedAt: new Date().toISOString(),
    factsComplete: refreshed.complete,
    filters: { profession: f.professionId, unit: f.careUnitId, version: f.workflowVersionId, from: f.fromDay, to: f.toDay, groupBy: f.groupBy },
    definitions: DEFINITIONS_SV,
    time: { groups, byProfession, extra: extraGroups, precision: precisionPlans(byProfession), explanation: explainTime(groups) },
    extrapolation: { rows: extrapolation, assumptions, explanation: explainExtrapolation(extrapolation) },
    quality: { byProfession: perProfession, trend: trendPoints, cells, keyFacts, ratingRounds: rounds, labelMoves: moves, explanation: explainQuality(perProfession) },
    surveys: { groups: surveys, explanation: explainSurveys(surveys) },
    baseline,
    schedules,
    options: {
      professions: [...labels.professions.values()],
      units: [...labels.units.values()].map((u) => ({ id: u.id, name: u.name })),
      versions: [...labels.versions.values()].map((v) => ({ id: v.id, label: v.label, professionId: v.professionId, noteType: v.noteType })),
    },
    labels,
  };
}

/** The dashboard's JSON: FollowupData without the internal lookup maps and raw sums. */
export function presentDashboard(data: FollowupData) {
  const { labels: _labels, quality, time, ...rest } = data;
  const { cells: _cells, ...q } = quality;
  const { extra: _extra, ...t } = time;
  return { ...rest, time: t, quality: q };
}
