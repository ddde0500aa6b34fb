import { estimatePeriodAdjusted, type PeriodCell } from '../../../evals/metrics/time-saved-periods';
import type { TimeSavedEstimate } from '../../../evals/metrics/time-saved';
import type { Labels } from './labels';
import type { Measure, TimeCell } from './time-cell';

/**
 * What a comparison schedule means for the analysis of its notes
 * (schedule.ts assigns, this reads): the resampling unit is the care unit
 * when the schedule assigned periods per unit (the unit's clinicians share its
 * assignment, its busy weeks and its way of working, so they are not
 * independent), else the clinician; a stepped schedule — where AI periods
 * always come later — is analysed with the calendar period as an adjustment
 * (evals/metrics/time-saved-periods.ts). Both validated by simulation
 * (`npm run eval -- time-saved --validate`, scenarios unit-schedule and
 * stepped-trend).
 */
export interface ScheduleDesign {
  level: string;
  pattern: string;
}

export function clusterOf(cell: TimeCell, labels: Labels): string {
  const spec = cell.scheduleId ? labels.schedules.get(cell.scheduleId) : undefined;
  return spec?.level === 'unit' && cell.careUnitId ? `unit:${cell.careUnitId}` : `user:${cell.clinicianId ?? ''}`;
}

/** Whether any scheduled cell of the group comes from a stepped schedule. */
export function needsPeriodAdjustment(cells: readonly TimeCell[], labels: Labels): boolean {
  return cells.some((c) => c.scheduleId !== null && c.schedulePeriod !== null && labels.schedules.get(c.scheduleId)?.pattern === 'stepped');
}

/** Whether any scheduled cell of the group comes from a schedule assigned per care unit. */
export function unitClustered(cells: readonly TimeCell[], labels: Labels): boolean {
  return cells.some((c) => c.scheduleId !== null && labels.schedules.get(c.scheduleId)?.level === 'unit');
}

/** One cell per clinician and period of their schedule (periods of different schedules are different periods). */
export function periodCells(cells: readonly TimeCell[], labels: Labels, measure: Measure): PeriodCell[] {
  const periods = new Map<string, number>();
  const out = new Map<string, PeriodCell>();
  for (const c of cells) {
    if (c.scheduleId === null || c.schedulePeriod === null) continue;
    const periodKey = `${c.scheduleId}:${c.schedulePeriod}`;
    let period = periods.get(periodKey);
    if (period === undefined) periods.set(periodKey, (period = periods.size));
    const key = `${c.clinicianId ?? ''}|${period}|${c.assignedMode}`;
    let p = out.get(key);
    if (!p) out.set(key, (p = { clinician: c.clinicianId ?? '', cluster: clusterOf(c, labels), period, assignedAi: c.assignedMode === 'ai', notes: 0, sum: 0, sumSq: 0, aiNotes: 0 }));
    const m = c[measure];
    p.notes += m.n;
    p.sum += m.sum;
    p.sumSq += m.sumSq;
    if (c.mode !== 'baseline') p.aiNotes += m.n;
  }
  return [...out.values()];
}

export function periodAdjustedEstimate(cells: readonly TimeCell[], labels: Labels, measure: Measure, iterations: number, seed: number): TimeSavedEstimate {
  return estimatePeriodAdjusted(periodCells(cells, labels, measure), { iterations, seed });
}
