/**
 * Simulated pilots with a known time saved, to check the time-saved
 * estimator (evals/metrics/time-saved.ts) before anyone reads its numbers:
 * does its 95 % interval cover the truth in 95 % of pilots, and is it
 * unbiased? The old note-level method (two independent piles of notes,
 * bootstrap over notes; the dashboard's method until December 2026) is run
 * on the same pilots, side by side.
 *
 * Every pilot: `clinicians` clinicians who differ in speed (clinician effect,
 * SD 2.5 min), each writing 10–40 notes (unequal participation) on random
 * days of an eight-week pilot; each clinician-day has its own speed (SD
 * 1.5 min: good and bad days) around a mean of 12 min without AI; note minutes have a skewed spread (log-normal
 * shape, SD ≈ 2.3 min); the true saving is 1.0 min per note on average, with
 * an SD of 0.3 min between clinicians. Scenarios:
 * - `both` — everyone does both, by free choice; faster clinicians use AI
 *   more (self-selection between clinicians: the early adopters);
 * - `both-random` — everyone does both, the share of AI notes unrelated to
 *   speed (no self-selection: only the unit of analysis differs);
 * - `schedule` — one-week periods with and without AI assigned by the
 *   schedule (alternating, random start per clinician); the clinician still
 *   overrides it on some days, and does so self-selectively (a fast day in a
 *   baseline period → AI, 30 %; a slow day in an AI period → no AI, 20 %);
 * - `daychoice` — free choice made day by day, fast days → AI (self-selection
 *   within clinicians). No method without a schedule can remove this; it is
 *   simulated to show what "everyone does both" cannot guarantee;
 * - `unit-schedule`, `stepped-trend` — periods assigned per care unit
 *   (time-saved-units.ts).
 */
import { quantile, seededRandom } from '../metrics/bootstrap';
import { addNote, emptyArm, estimateTimeSaved, type ClinicianTimes, type Design } from '../metrics/time-saved';
import { ALTERNATIVE_LABEL, gaussian, simulateUnitPilot, unitEstimates, UNIT_SCENARIOS, type UnitScenario } from './time-saved-units';

export const CLINICIAN_SCENARIOS = ['both', 'both-random', 'schedule', 'daychoice'] as const;
export const SCENARIOS = [...CLINICIAN_SCENARIOS, ...UNIT_SCENARIOS] as const;
export type Scenario = (typeof SCENARIOS)[number];
const isUnitScenario = (s: Scenario): s is UnitScenario => (UNIT_SCENARIOS as readonly string[]).includes(s);
export const TRUE_SAVING = 1.0;

export interface SimNote {
  clinician: string;
  /** written with AI */
  ai: boolean;
  /** the period's assignment (schedule scenario), else null */
  assignedAi: boolean | null;
  minutes: number;
}

const WEEKS = 8;
const DAYS = WEEKS * 5;

/** One pilot's notes. */
export function simulatePilot(scenario: (typeof CLINICIAN_SCENARIOS)[number], clinicians: number, random: () => number): SimNote[] {
  const notes: SimNote[] = [];
  const sigma = 0.6;
  const skewMean = Math.exp((sigma * sigma) / 2);
  for (let i = 0; i < clinicians; i++) {
    const id = `k${i + 1}`;
    const speed = 2.5 * gaussian(random);
    const saving = TRUE_SAVING + 0.3 * gaussian(random);
    const n = 10 + Math.floor(random() * 31);
    const dayEffect = Array.from({ length: DAYS }, () => 1.5 * gaussian(random));
    const startWithAi = random() < 0.5;
    // free choice between clinicians: faster clinicians (speed < 0) use AI more
    const share = scenario === 'both-random' ? 0.2 + 0.6 * random() : Math.min(0.9, Math.max(0.1, 1 / (1 + Math.exp(speed / 1.5))));
    const aiCount = Math.min(n - 2, Math.max(2, Math.round(share * n)));
    const order = Array.from({ length: n }, (_, k) => k);
    for (let k = n - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (let k = 0; k < n; k++) {
      const day = Math.floor(random() * DAYS);
      const v = dayEffect[day]!;
      let ai: boolean;
      let assignedAi: boolean | null = null;
      if (scenario === 'both' || scenario === 'both-random') ai = order[k]! < aiCount;
      else if (scenario === 'daychoice') ai = random() < 1 / (1 + Math.exp(v / 0.75));
      else {
        assignedAi = (Math.floor(day / 5) % 2 === 0) === startWithAi;
        ai = assignedAi ? !(v > 0.5 && random() < 0.2) : v < -0.5 && random() < 0.3;
      }
      const noise = 3 * (Math.exp(sigma * gaussian(random)) - skewMean);
      notes.push({ clinician: id, ai, assignedAi, minutes: 12 + speed + v + noise - (ai ? saving : 0) });
    }
  }
  return notes;
}

/** Notes → per-clinician sums for the estimator; the schedule's assignment decides the sides when there is one. */
export function clinicianTimes(notes: readonly SimNote[]): { design: Design; clinicians: ClinicianTimes[] } {
  const byClinician = new Map<string, ClinicianTimes>();
  let design: Design = 'free';
  for (const n of notes) {
    let c = byClinician.get(n.clinician);
    if (!c) byClinician.set(n.clinician, (c = { clinician: n.clinician, ai: emptyArm(), baseline: emptyArm() }));
    if (n.assignedAi !== null) design = 'schedule';
    const side = (n.assignedAi ?? n.ai) ? c.ai : c.baseline;
    addNote(side, n.minutes, n.ai);
  }
  return { design, clinicians: [...byClinician.values()] };
}

/**
 * The old method, as server/modules/followup/stats.ts computed it: AI notes
 * and baseline notes as two independent piles, each resampled note by note,
 * the percentile interval of the difference of the resampled means.
 */
export function noteLevelEstimate(notes: readonly { ai: boolean; minutes: number }[], iterations: number, seed: number) {
  const ai = Float64Array.from(notes.filter((n) => n.ai).map((n) => n.minutes));
  const base = Float64Array.from(notes.filter((n) => !n.ai).map((n) => n.minutes));
  const meanOf = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const random = seededRandom(seed);
  const resampleMean = (xs: Float64Array) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[Math.floor(random() * xs.length)]!;
    return s / xs.length;
  };
  const diffs: number[] = [];
  for (let it = 0; it < iterations; it++) diffs.push(resampleMean(base) - resampleMean(ai));
  diffs.sort((a, b) => a - b);
  return { estimate: meanOf(base) - meanOf(ai), lower: quantile(diffs, 0.025), upper: quantile(diffs, 0.975) };
}

export interface MethodSummary {
  pilots: number;
  coverage: number;
  /** Monte Carlo standard error of the coverage */
  coverageSe: number;
  bias: number;
  meanWidth: number;
}

export interface ValidationResult {
  scenario: Scenario;
  /** clinicians per pilot (per care unit scenarios: the mean) */
  clinicians: number;
  /** care units per pilot (null: clinician-level scenario) */
  units: number | null;
  truth: number;
  /** the clinician-level estimator (the dashboard's; per care unit: units resampled, stepped: adjusted for the period) */
  clinicianLevel: MethodSummary;
  /** what the dashboard's choices are compared with, on the same pilots */
  alternative: { method: string; summary: MethodSummary };
  /** the old method */
  noteLevel: MethodSummary;
}

function summarise(rows: { estimate: number | null; lower: number | null; upper: number | null }[]): MethodSummary {
  const ok = rows.filter((r) => r.estimate !== null && r.lower !== null && r.upper !== null);
  const covered = ok.filter((r) => r.lower! <= TRUE_SAVING && TRUE_SAVING <= r.upper!).length;
  const p = covered / ok.length;
  return {
    pilots: ok.length,
    coverage: p,
    coverageSe: Math.sqrt((p * (1 - p)) / ok.length),
    bias: ok.reduce((s, r) => s + r.estimate!, 0) / ok.length - TRUE_SAVING,
    meanWidth: ok.reduce((s, r) => s + (r.upper! - r.lower!), 0) / ok.length,
  };
}

/** `pilots` simulated pilots of one scenario, every method on the same pilots. */
export function validate(scenario: Scenario, opts: { pilots: number; clinicians: number; units?: number; seed: number; iterations: number }): ValidationResult {
  const random = seededRandom(opts.seed);
  const corrected = [];
  const plain = [];
  const old = [];
  if (isUnitScenario(scenario)) {
    const units = opts.units ?? 10;
    let clinicians = 0;
    for (let p = 0; p < opts.pilots; p++) {
      const notes = simulateUnitPilot(scenario, units, TRUE_SAVING, random);
      const seed = opts.seed + p + 1;
      const e = unitEstimates(scenario, notes, opts.iterations, seed);
      clinicians += e.dashboard.clinicians;
      corrected.push(e.dashboard);
      plain.push(e.alternative);
      old.push(noteLevelEstimate(notes, opts.iterations, seed));
    }
    return {
      scenario,
      clinicians: Math.round(clinicians / opts.pilots),
      units,
      truth: TRUE_SAVING,
      clinicianLevel: summarise(corrected),
      alternative: { method: ALTERNATIVE_LABEL[scenario], summary: summarise(plain) },
      noteLevel: summarise(old),
    };
  }
  for (let p = 0; p < opts.pilots; p++) {
    const notes = simulatePilot(scenario, opts.clinicians, random);
    const input = clinicianTimes(notes);
    const seed = opts.seed + p + 1;
    corrected.push(estimateTimeSaved(input, { iterations: opts.iterations, seed }));
    plain.push(estimateTimeSaved(input, { iterations: opts.iterations, seed, smallSampleCorrection: false }));
    old.push(noteLevelEstimate(notes, opts.iterations, seed));
  }
  return {
    scenario,
    clinicians: opts.clinicians,
    units: null,
    truth: TRUE_SAVING,
    clinicianLevel: summarise(corrected),
    alternative: { method: 'clinician level, plain percentile', summary: summarise(plain) },
    noteLevel: summarise(old),
  };
}
