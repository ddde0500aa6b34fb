/**
 * Simulated pilots whose periods are assigned per care unit (see
 * time-saved-sim.ts for the clinician-level ones). `units` care units of 2–5
 * clinicians each; a unit has its own speed (SD 1.5 min), its own extra
 * saving (SD 0.4 min: units work differently, so the unit's clinicians share
 * part of their effect) and busy and quiet weeks that hit all its clinicians
 * at once (SD 1.0 min). Clinicians, days, note counts, skew and self-selective
 * overrides are as in the clinician-level scenarios; one period = one week,
 * eight weeks. Scenarios:
 * - `unit-schedule` — alternating per unit, random start per unit. Notes of
 *   one unit are not independent, so the unit is the cluster: resampling
 *   clinicians (as if they were independent) gives too narrow intervals.
 * - `stepped-trend` — stepped per unit (every unit starts without AI and
 *   switches at a drawn week 1–7) while every note gets 0.2 min faster per
 *   week (learning, season): AI periods are later, so a comparison that
 *   ignores calendar time credits the trend to AI. The dashboard's estimator
 *   adjusts for the period (time-saved-periods.ts).
 */
import { estimatePeriodAdjusted, type PeriodCell } from '../metrics/time-saved-periods';
import { addNote, emptyArm, estimateTimeSaved, type ClinicianTimes, type TimeSavedEstimate } from '../metrics/time-saved';

export const UNIT_SCENARIOS = ['unit-schedule', 'stepped-trend'] as const;
export type UnitScenario = (typeof UNIT_SCENARIOS)[number];

export interface UnitNote {
  clinician: string;
  unit: string;
  period: number;
  ai: boolean;
  assignedAi: boolean;
  minutes: number;
}

const WEEKS = 8;
const DAYS = WEEKS * 5;
export const WEEKLY_TREND = -0.2;

export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function simulateUnitPilot(scenario: UnitScenario, units: number, truth: number, random: () => number): UnitNote[] {
  const notes: UnitNote[] = [];
  const sigma = 0.6;
  const skewMean = Math.exp((sigma * sigma) / 2);
  const trend = scenario === 'stepped-trend' ? WEEKLY_TREND : 0;
  for (let u = 0; u < units; u++) {
    const unit = `e${u + 1}`;
    const unitSpeed = 1.5 * gaussian(random);
    const unitSaving = 0.4 * gaussian(random);
    const weekShock = Array.from({ length: WEEKS }, () => 1.0 * gaussian(random));
    const startWithAi = random() < 0.5;
    const step = 1 + Math.floor(random() * (WEEKS - 1));
    const size = 2 + Math.floor(random() * 4);
    for (let i = 0; i < size; i++) {
      const id = `${unit}k${i + 1}`;
      const speed = 2.5 * gaussian(random);
      const saving = truth + unitSaving + 0.3 * gaussian(random);
      const n = 10 + Math.floor(random() * 31);
      const dayEffect = Array.from({ length: DAYS }, () => 1.5 * gaussian(random));
      for (let k = 0; k < n; k++) {
        const day = Math.floor(random() * DAYS);
        const week = Math.floor(day / 5);
        const v = dayEffect[day]! + weekShock[week]!;
        const assignedAi = scenario === 'stepped-trend' ? week >= step : (week % 2 === 0) === startWithAi;
        // self-selective overrides, as in the clinician-level schedule scenario
        const ai = assignedAi ? !(v > 0.5 && random() < 0.2) : v < -0.5 && random() < 0.3;
        const noise = 3 * (Math.exp(sigma * gaussian(random)) - skewMean);
        notes.push({ clinician: id, unit, period: week, ai, assignedAi, minutes: 12 + unitSpeed + speed + v + trend * (day / 5) + noise - (ai ? saving : 0) });
      }
    }
  }
  return notes;
}

/** Per-clinician sides by the schedule's assignment; `byUnit` makes the unit the resampling cluster. */
export function unitClinicianTimes(notes: readonly UnitNote[], byUnit: boolean): ClinicianTimes[] {
  const map = new Map<string, ClinicianTimes>();
  for (const n of notes) {
    let c = map.get(n.clinician);
    if (!c) map.set(n.clinician, (c = { clinician: n.clinician, cluster: byUnit ? n.unit : n.clinician, ai: emptyArm(), baseline: emptyArm() }));
    addNote(n.assignedAi ? c.ai : c.baseline, n.minutes, n.ai);
  }
  return [...map.values()];
}

export function periodCells(notes: readonly UnitNote[]): PeriodCell[] {
  const map = new Map<string, PeriodCell>();
  for (const n of notes) {
    const key = `${n.clinician}|${n.period}`;
    let c = map.get(key);
    if (!c) map.set(key, (c = { clinician: n.clinician, cluster: n.unit, period: n.period, assignedAi: n.assignedAi, notes: 0, sum: 0, sumSq: 0, aiNotes: 0 }));
    c.notes++;
    c.sum += n.minutes;
    c.sumSq += n.minutes * n.minutes;
    if (n.ai) c.aiNotes++;
  }
  return [...map.values()];
}

/** The dashboard's estimate for a unit pilot, and the alternative shown beside it. */
export function unitEstimates(scenario: UnitScenario, notes: readonly UnitNote[], iterations: number, seed: number): { dashboard: TimeSavedEstimate; alternative: TimeSavedEstimate } {
  if (scenario === 'stepped-trend') {
    return {
      dashboard: estimatePeriodAdjusted(periodCells(notes), { iterations, seed }),
      alternative: estimateTimeSaved({ design: 'schedule', clinicians: unitClinicianTimes(notes, true) }, { iterations, seed }),
    };
  }
  return {
    dashboard: estimateTimeSaved({ design: 'schedule', clinicians: unitClinicianTimes(notes, true) }, { iterations, seed }),
    alternative: estimateTimeSaved({ design: 'schedule', clinicians: unitClinicianTimes(notes, false) }, { iterations, seed }),
  };
}

export const ALTERNATIVE_LABEL: Record<UnitScenario, string> = {
  'unit-schedule': 'clinician level, clinicians resampled (units ignored)',
  'stepped-trend': 'clinician level, no period adjustment',
};
