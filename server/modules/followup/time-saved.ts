import { clusterRatio } from '../../../evals/metrics/cluster-bootstrap';
import { emptyArm, estimateTimeSaved, MIN_CLINICIANS, TOO_FEW_CLINICIANS_SV, type ClinicianTimes, type Design, type TimeSavedEstimate } from '../../../evals/metrics/time-saved';
import type { Filters, GroupBy } from './filters';
import { type Labels, professionName, unitName, versionName } from './labels';
import type { MedianSource, Measure, TimeCell } from './time-cell';
import { clusterOf, needsPeriodAdjustment, periodAdjustedEstimate, unitClustered } from './time-design';
import { medianInPlace } from './median';
import { MIN_GROUP, SUPPRESSED_SV, type BootstrapBudget, type Summary } from './stats';

/**
 * Time saved per note = baseline − AI-assisted, per profession and one more
 * dimension, with the clinician as the unit (evals/metrics/time-saved.ts,
 * the function `npm run eval -- time-saved` calls): each clinician's AI
 * notes against their own baseline notes, combined over clinicians, with a
 * cluster-bootstrap interval. Where a comparison schedule was in force for
 * the group's notes, the sides are the schedule's periods (as assigned) and
 * notes outside the schedule are left out. A clinician without baseline notes
 * is compared with imported time-and-motion minutes for the profession (and
 * note type, when grouping by note type or version) — only without a
 * schedule, and counted. Imported minutes have no total time.
 *
 * Per workflow version the comparison is always by the mode actually used
 * (a schedule assigns AI or not, not a version): AI notes of the version
 * against the same clinician's baseline notes of the version's note type.
 */
export interface ImportedBaseline {
  professionId: string;
  noteType: string;
  minutes: number;
}

/** A side's minutes per note: mean with a cluster-bootstrap interval, median without one. */
export interface SideSummary extends Summary {
  clinicians: number | null;
}

/** Time saved: the clinician-level estimate (the estimator's own counts and design) as the dashboard shows it. */
export interface Saved
  extends Pick<TimeSavedEstimate, 'suppressed' | 'design' | 'clinicians' | 'notes' | 'importedClinicians' | 'withoutComparison' | 'clusters' | 'variance'> {
  mean: number | null;
  meanCi: { lower: number; upper: number } | null;
  /** medians are not compared any more: a difference of medians has no clinician-level meaning */
  median: null;
  medianCi: null;
}

export interface TimeGroup {
  professionId: string | null;
  professionName: string;
  key: string;
  label: string;
  design: Design;
  /** under a schedule: the resampling unit (care units when periods were assigned per unit) and whether calendar periods were adjusted for (stepped) */
  analysis: { cluster: 'clinician' | 'unit'; periodAdjusted: boolean };
  ai: { active: SideSummary; total: SideSummary };
  baseline: { source: 'measured' | 'imported' | null; active: SideSummary; total: SideSummary | null };
  saved: { active: Saved; total: Saved | null };
  /** under a schedule: notes written in another mode than their period's */
  overrides: { notes: number; scheduled: number } | null;
  iterations: number;
}

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

function dimensionOf(f: TimeCell, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'profession':
      return '';
    case 'noteType':
      return f.noteType ?? '';
    case 'workflowVersion':
      return f.workflowVersionId ?? '';
    case 'careUnit':
      return f.careUnitId ?? '';
    case 'month':
      return f.month;
  }
}

function labelOf(key: string, groupBy: GroupBy, labels: Labels): string {
  switch (groupBy) {
    case 'profession':
      return 'Alla';
    case 'noteType':
      return key || 'Okänd anteckningstyp';
    case 'workflowVersion':
      return versionName(labels, key || null);
    case 'careUnit':
      return unitName(labels, key || null);
    case 'month':
      return key;
  }
}

/**
 * Mean, notes and clinicians of one side's per-note minutes, from its cells'
 * sums; the mean's interval resamples the design's unit (`clusterOf`: the
 * clinician, or the care unit under a schedule per unit — as the headline
 * estimate does). The median is filled in afterwards (`Medians`), only for a
 * side that is shown.
 */
function side(cells: TimeCell[], measure: Measure, iterations: number, seed: number, clusterOf: (c: TimeCell) => string, medians: Medians): SideSummary {
  let n = 0;
  const perCluster = new Map<string, { num: number; den: number }>();
  const withNotes = new Set<string>();
  for (const c of cells) {
    const m = c[measure];
    const key = clusterOf(c);
    const s = perCluster.get(key) ?? { num: 0, den: 0 };
    s.num += m.sum;
    s.den += m.n;
    perCluster.set(key, s);
    n += m.n;
    if (m.n > 0) withNotes.add(c.clinicianId ?? '');
  }
  const clinicians = withNotes.size;
  if (n < MIN_GROUP || clinicians < MIN_CLINICIANS) {
    return { n, clinicians, mean: null, median: null, meanCi: null, medianCi: null, suppressed: n < MIN_GROUP ? SUPPRESSED_SV : TOO_FEW_CLINICIANS_SV };
  }
  // in key order: the interval does not depend on the order the database returned the cells in
  const r = clusterRatio([...perCluster.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, sums]) => sums), iterations, seed)!;
  const summary: SideSummary = { n, clinicians, mean: r.estimate, median: null, meanCi: r.lower === null ? null : { lower: r.lower, upper: r.upper! }, medianCi: null, suppressed: null };
  medians.ask(cells, measure, summary);
  return summary;
}

/**
 * The medians of the sides shown, asked for while the groups are built and
 * read in one go at the end (one query for the whole view, `MedianSource`).
 * Sides of the same cells (a side's active and total time) share a request.
 */
class Medians {
  private readonly requests = new Map<string, { cells: TimeCell[]; targets: { measure: Measure; summary: SideSummary }[] }>();

  ask(cells: TimeCell[], measure: Measure, summary: SideSummary): void {
    const key = cells.map((c) => c.id).sort().join('\n');
    const r = this.requests.get(key) ?? { cells, targets: [] };
    r.targets.push({ measure, summary });
    this.requests.set(key, r);
  }

  async fill(source: MedianSource): Promise<void> {
    const requests = [...this.requests.values()];
    const medians = await source(requests.map((r) => r.cells));
    requests.forEach((r, i) => {
      for (const t of r.targets) t.summary.median = medians[i]![t.measure === 'active' ? 0 : 1]!;
    });
  }
}

function importedSide(minutes: number[], iterations: number, seed: number): SideSummary {
  if (minutes.length < MIN_GROUP) return { n: minutes.length, clinicians: null, mean: null, median: null, meanCi: null, medianCi: null, suppressed: SUPPRESSED_SV };
  // the time study's observations are independent notes: each is its own cluster
  const r = clusterRatio(minutes.map((m) => ({ num: m, den: 1 })), iterations, seed)!;
  return { n: minutes.length, clinicians: null, mean: r.estimate, median: medianInPlace(Float64Array.from(minutes)), meanCi: r.lower === null ? null : { lower: r.lower, upper: r.upper! }, medianCi: null, suppressed: null };
}

/** Per clinician, the two sides' sums of one time measure. */
function clinicianTimes(ai: TimeCell[], baseline: TimeCell[], design: Design, measure: Measure, labels: Labels): ClinicianTimes[] {
  const map = new Map<string, ClinicianTimes>();
  const add = (cells: TimeCell[], fallbackAi: boolean) => {
    for (const c of cells) {
      const id = c.clinicianId ?? '';
      let t = map.get(id);
      if (!t) map.set(id, (t = { clinician: id, cluster: design === 'schedule' ? clusterOf(c, labels) : id, ai: emptyArm(), baseline: emptyArm() }));
      const aiSide = design === 'schedule' ? c.assignedMode === 'ai' : fallbackAi;
      const arm = aiSide ? t.ai : t.baseline;
      const m = c[measure];
      arm.notes += m.n;
      arm.sum += m.sum;
      arm.sumSq += m.sumSq;
      if (c.mode !== 'baseline') arm.aiNotes += m.n;
    }
  };
  add(ai, true);
  add(baseline, false);
  return [...map.values()];
}

function saved(input: { design: Design; clinicians: ClinicianTimes[]; imported?: number[] }, iterations: number, seed: number, adjusted?: () => TimeSavedEstimate): Saved {
  const e = adjusted ? adjusted() : estimateTimeSaved(input, { iterations, seed });
  const meanCi = e.lower !== null && e.upper !== null ? { lower: e.lower, upper: e.upper } : null;
  const suppressed = e.suppressed ?? (e.clinicians === 0 ? 'ingen jämförelse' : null);
  return { mean: e.estimate, meanCi, median: null, medianCi: null, suppressed, design: e.design, clinicians: e.clinicians, notes: e.notes, importedClinicians: e.importedClinicians, withoutComparison: e.withoutComparison, clusters: e.clusters, variance: e.variance };
}

export async function timeSaved(cells: TimeCell[], imported: ImportedBaseline[], f: Filters, labels: Labels, budget: BootstrapBudget, medianSource: MedianSource): Promise<TimeGroup[]> {
  const medians = new Medians();
  const byVersion = f.groupBy === 'workflowVersion';
  const groupKey = (p: string | null, d: string) => `${p ?? ''}|${d}`;
  const ai = new Map<string, TimeCell[]>();
  const base = new Map<string, TimeCell[]>();
  for (const cell of cells) {
    if (cell.mode === 'baseline') {
      // Baseline notes have no AI version: they are matched by note type.
      push(base, groupKey(cell.professionId, byVersion ? (cell.noteType ?? '') : dimensionOf(cell, f.groupBy)), cell);
    } else if (!f.workflowVersionId || cell.workflowVersionId === f.workflowVersionId) {
      push(ai, groupKey(cell.professionId, dimensionOf(cell, f.groupBy)), cell);
    }
  }
  const keys = new Set(ai.keys());
  if (!byVersion && !f.workflowVersionId) for (const k of base.keys()) keys.add(k);

  const groups: TimeGroup[] = [];
  const iterations = budget.maxIterations;
  // every group starts from the same seed: a group's interval does not depend on which other groups are in the view
  const seed = budget.seed;
  for (const k of [...keys].sort()) {
    const [professionId = '', dim = ''] = k.split('|');
    const noteType = f.groupBy === 'noteType' ? dim : byVersion ? (labels.versions.get(dim)?.noteType ?? null) : null;
    let aiCells = ai.get(k) ?? [];
    let baseCells = base.get(byVersion ? groupKey(professionId || null, noteType ?? '') : k) ?? [];
    const design: Design = !byVersion && [...aiCells, ...baseCells].some((c) => c.assignedMode) ? 'schedule' : 'free';
    let overrides: TimeGroup['overrides'] = null;
    let scheduled: TimeCell[] = [];
    if (design === 'schedule') {
      // notes outside the schedule are left out; the sides are the periods
      scheduled = [...aiCells, ...baseCells].filter((c) => c.assignedMode);
      aiCells = scheduled.filter((c) => c.assignedMode === 'ai');
      baseCells = scheduled.filter((c) => c.assignedMode !== 'ai');
      const count = (cs: TimeCell[]) => cs.reduce((s, c) => s + c.notes, 0);
      overrides = { notes: count(scheduled.filter((c) => c.mode !== c.assignedMode)), scheduled: count(scheduled) };
    }
    const importedMinutes = design === 'free' ? imported.filter((r) => r.professionId === professionId && (noteType === null || norm(r.noteType) === norm(noteType))).map((r) => r.minutes) : [];
    const periodAdjusted = design === 'schedule' && needsPeriodAdjustment(scheduled, labels);
    const adjusted = (measure: Measure, s: number) => (periodAdjusted ? () => periodAdjustedEstimate(scheduled, labels, measure, iterations, s) : undefined);
    const active = clinicianTimes(aiCells, baseCells, design, 'active', labels);
    const savedActive = saved({ design, clinicians: active, imported: importedMinutes }, iterations, seed, adjusted('active', seed));
    const total = clinicianTimes(aiCells, baseCells, design, 'total', labels);
    const measuredBaseline = baseCells.some((c) => c.notes > 0);
    const source = measuredBaseline ? 'measured' : savedActive.importedClinicians > 0 ? 'imported' : null;
    // the sides' intervals resample the same unit as the estimate
    const unitOf = design === 'schedule' ? (c: TimeCell) => clusterOf(c, labels) : (c: TimeCell) => c.clinicianId ?? '';
    const sideOf = (cs: TimeCell[], measure: Measure, s: number) => side(cs, measure, iterations, s, unitOf, medians);
    // the sides as written: AI notes and baseline notes (under a schedule: AI periods and baseline periods)
    groups.push({
      professionId: professionId || null,
      professionName: professionName(labels, professionId || null),
      key: dim,
      label: labelOf(dim, f.groupBy, labels),
      design,
      analysis: { cluster: design === 'schedule' && unitClustered(scheduled, labels) ? 'unit' : 'clinician', periodAdjusted },
      ai: { active: sideOf(aiCells, 'active', seed + 1), total: sideOf(aiCells, 'total', seed + 2) },
      baseline: {
        source,
        active: source === 'imported' ? importedSide(importedMinutes, iterations, seed + 3) : sideOf(baseCells, 'active', seed + 3),
        total: source === 'imported' ? null : sideOf(baseCells, 'total', seed + 4),
      },
      saved: { active: savedActive, total: source === 'imported' ? null : saved({ design, clinicians: total }, iterations, seed + 5, adjusted('total', seed + 5)) },
      overrides,
      iterations,
    });
  }
  await medians.fill(medianSource);
  return groups;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
