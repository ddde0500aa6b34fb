import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTimeNotes } from '../../evals/datasets/time-notes';
import { normalQuantile, studentTCdf, studentTQuantile } from '../../evals/metrics/distributions';
import { addNote, emptyArm, estimateTimeSaved, type ClinicianTimes } from '../../evals/metrics/time-saved';
import { estimatePeriodAdjusted, type PeriodCell } from '../../evals/metrics/time-saved-periods';
import { SCENARIOS, validate } from '../../evals/validation/time-saved-sim';

const ROOT = join(import.meta.dirname, '../..');
function evalCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'evals/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A clinician whose notes are all `aiMin` with AI and `baseMin` without. */
function clinician(id: string, aiNotes: number, aiMin: number, baseNotes: number, baseMin: number): ClinicianTimes {
  const c = { clinician: id, ai: emptyArm(), baseline: emptyArm() };
  for (let i = 0; i < aiNotes; i++) addNote(c.ai, aiMin, true);
  for (let i = 0; i < baseNotes; i++) addNote(c.baseline, baseMin, false);
  return c;
}

describe('t and normal quantiles', () => {
  it('match published tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 6);
    for (const [df, t] of [[1, 12.7062], [4, 2.7764], [11, 2.201], [30, 2.0423]] as const) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 9);
  });
});

describe('clinician-level time saved', () => {
  it('compares each clinician with themselves, so fast clinicians choosing AI more does not inflate the saving', () => {
    // speeds 4–12 min; every clinician saves exactly 1 min; the fast ones write most AI notes
    const cs = [clinician('a', 18, 3, 2, 4), clinician('b', 15, 5, 5, 6), clinician('c', 10, 7, 10, 8), clinician('d', 5, 9, 15, 10), clinician('e', 2, 11, 18, 12)];
    const e = estimateTimeSaved({ design: 'free', clinicians: cs }, { iterations: 500 });
    expect(e.estimate).toBeCloseTo(1, 12);
    expect(e.lower).toBeCloseTo(1, 12);
    expect(e.upper).toBeCloseTo(1, 12);
    expect(e).toMatchObject({ clinicians: 5, notes: 100, importedClinicians: 0, withoutComparison: 0, suppressed: null });
    // the old two-pile comparison of the same notes: (mean of baseline notes) − (mean of AI notes)
    const pile = (side: 'ai' | 'baseline') => cs.reduce((s, c) => s + c[side].sum, 0) / cs.reduce((s, c) => s + c[side].notes, 0);
    expect(pile('baseline') - pile('ai')).toBeGreaterThan(4);
  });

  it('counts clinicians without a comparison and suppresses a figure resting on fewer than five clinicians', () => {
    const cs = [clinician('a', 5, 3, 5, 4), clinician('b', 5, 5, 5, 6), clinician('c', 5, 7, 5, 8), clinician('d', 5, 9, 5, 10), clinician('e', 8, 4, 0, 0), clinician('f', 0, 0, 3, 9)];
    const e = estimateTimeSaved({ design: 'free', clinicians: cs });
    expect(e).toMatchObject({ estimate: null, lower: null, clinicians: 4, notes: 40, withoutComparison: 2, suppressed: 'för få kliniker (< 5)' });
  });

  it('uses imported time-study minutes for clinicians without baseline notes, labelled, and resamples them', () => {
    const cs = [clinician('a', 5, 3, 5, 4), clinician('b', 5, 5, 5, 6), clinician('c', 5, 7, 5, 8), clinician('d', 5, 9, 5, 10), clinician('e', 8, 4, 0, 0)];
    const imported = [4, 5, 6, 5, 5];
    const e = estimateTimeSaved({ design: 'free', clinicians: cs, imported }, { iterations: 800 });
    expect(e).toMatchObject({ clinicians: 5, importedClinicians: 1, withoutComparison: 0, suppressed: null });
    // four measured differences of 1 and one imported of 5 − 4 = 1
    expect(e.estimate).toBeCloseTo(1, 12);
    // the imported minutes vary, so the interval is not a point
    expect(e.upper! - e.lower!).toBeGreaterThan(0.05);
  });

  it('weights a clinician by the precision of their own comparison', () => {
    // one clinician with a single baseline note that says 5 min saved; four well-measured ones say 1 min
    const noisy = (id: string, shift: number) => {
      const c = { clinician: id, ai: emptyArm(), baseline: emptyArm() };
      for (let i = 0; i < 20; i++) addNote(c.ai, 5 + ((i % 5) - 2), true);
      for (let i = 0; i < 20; i++) addNote(c.baseline, 6 + shift + ((i % 5) - 2), false);
      return c;
    };
    const one = { clinician: 'x', ai: emptyArm(), baseline: emptyArm() };
    for (let i = 0; i < 20; i++) addNote(one.ai, 5 + ((i % 5) - 2), true);
    addNote(one.baseline, 10, false);
    const e = estimateTimeSaved({ design: 'free', clinicians: [noisy('a', 0.1), noisy('b', -0.1), noisy('c', 0.05), noisy('d', -0.05), one] });
    const equalWeights = (1 + 1.1 + 0.9 + 1.05 + 0.95 + 5) / 5;
    expect(e.estimate!).toBeGreaterThan(1);
    expect(e.estimate!).toBeLessThan(equalWeights);
    expect(e.variance.withinSd).toBeGreaterThan(1);
  });

  it('under a schedule, compares periods as assigned and divides by how much more AI was used (overrides counted)', () => {
    // per clinician: baseline period 9 notes without AI at 6 min and 1 override with AI at 5;
    // AI period 8 AI notes at 5 and 2 overrides without AI at 6 → (5.9 − 5.2) / (0.8 − 0.1) = 1
    const cs = ['a', 'b', 'c', 'd', 'e'].map((id, k) => {
      const c = { clinician: id, ai: emptyArm(), baseline: emptyArm() };
      for (let i = 0; i < 9; i++) addNote(c.baseline, 6 + k, false);
      addNote(c.baseline, 5 + k, true);
      for (let i = 0; i < 8; i++) addNote(c.ai, 5 + k, true);
      for (let i = 0; i < 2; i++) addNote(c.ai, 6 + k, false);
      return c;
    });
    const e = estimateTimeSaved({ design: 'schedule', clinicians: cs, imported: [1, 2, 3, 4, 5] });
    expect(e.estimate).toBeCloseTo(1, 12);
    expect(e.variance.compliance).toBeCloseTo(0.7, 12);
    expect(e.importedClinicians).toBe(0);
  });
});

describe('stepped schedule adjusted for calendar time', () => {
  it('recovers the saving exactly when every note gets faster period by period', () => {
    // 3 units × 2 clinicians, 4 periods; units switch to AI at periods 1, 2 and 3; −0.5 min per period; AI saves 1 min
    const cells: PeriodCell[] = [];
    for (let u = 0; u < 3; u++) {
      for (let k = 0; k < 2; k++) {
        for (let t = 0; t < 4; t++) {
          const ai = t >= u + 1;
          const minutes = 10 + u + 2 * k - 0.5 * t - (ai ? 1 : 0);
          const notes = 3 + ((u + k + t) % 3);
          cells.push({ clinician: `u${u}k${k}`, cluster: `u${u}`, period: t, assignedAi: ai, notes, sum: notes * minutes, sumSq: notes * minutes * minutes, aiNotes: ai ? notes : 0 });
        }
      }
    }
    const e = estimatePeriodAdjusted(cells, { iterations: 300 });
    expect(e.estimate).toBeCloseTo(1, 10);
    expect(e).toMatchObject({ clinicians: 6, clusters: 3, suppressed: null });
    // the within-clinician comparison without periods credits the trend to AI
    const plain = cells.reduce((m, c) => {
      const x = m.get(c.clinician) ?? { clinician: c.clinician, cluster: c.cluster, ai: emptyArm(), baseline: emptyArm() };
      for (let i = 0; i < c.notes; i++) addNote(c.assignedAi ? x.ai : x.baseline, c.sum / c.notes, c.assignedAi);
      return m.set(c.clinician, x);
    }, new Map<string, ClinicianTimes>());
    expect(estimateTimeSaved({ design: 'schedule', clinicians: [...plain.values()] }).estimate!).toBeGreaterThan(1.5);
  });
});

describe('validation by simulation (fewer pilots than the command; seeds fixed)', () => {
  const results = Object.fromEntries(SCENARIOS.map((s) => [s, validate(s, { pilots: 200, clinicians: 12, seed: 11, iterations: 600 })]));

  it('covers the true saving about 95 % of the time without bias under both designs, where the old method fails', () => {
    for (const s of ['both', 'both-random', 'schedule'] as const) {
      const r = results[s]!;
      expect(r.clinicianLevel.pilots).toBe(200);
      // 200 pilots: the Monte Carlo SE of a 0.95 coverage is 0.015
      expect(r.clinicianLevel.coverage, s).toBeGreaterThanOrEqual(0.91);
      expect(r.clinicianLevel.coverage, s).toBeLessThanOrEqual(0.99);
      expect(Math.abs(r.clinicianLevel.bias), s).toBeLessThanOrEqual(0.1);
    }
    // the old note-level method: badly biased under self-selection, intervals too narrow even without it
    expect(results.both!.noteLevel.bias).toBeGreaterThan(1);
    expect(results.both!.noteLevel.coverage).toBeLessThan(0.5);
    expect(results['both-random']!.noteLevel.coverage).toBeLessThan(0.9);
    expect(results.schedule!.noteLevel.bias).toBeGreaterThan(0.3);
  });

  it('per care unit: resamples units, and a stepped design is adjusted for calendar time', () => {
    for (const s of ['unit-schedule', 'stepped-trend'] as const) {
      const r = results[s]!;
      expect(r.units).toBe(10);
      expect(r.clinicianLevel.coverage, s).toBeGreaterThanOrEqual(0.91);
      expect(r.clinicianLevel.coverage, s).toBeLessThanOrEqual(0.99);
      expect(Math.abs(r.clinicianLevel.bias), s).toBeLessThanOrEqual(0.15);
      expect(r.noteLevel.coverage, s).toBeLessThan(0.5);
    }
    // clinicians of one unit share busy weeks and part of their saving: resampling them as independent is too narrow
    expect(results['unit-schedule']!.alternative.summary.coverage).toBeLessThan(results['unit-schedule']!.clinicianLevel.coverage - 0.03);
    // without the period adjustment the stepped design credits the calendar trend to AI
    expect(results['stepped-trend']!.alternative.summary.bias).toBeGreaterThan(0.5);
  });

  it('shows what a free choice cannot guarantee: choosing AI on fast days biases even within-clinician comparisons', () => {
    expect(results.daychoice!.clinicianLevel.bias).toBeGreaterThan(0.5);
  });
});

describe('eval time-saved', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jv-ts-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const rows = ['pilot,clinician,profession,mode,minutes'];
  for (const [pilot, shift] of [['p1', 0], ['p2', 2]] as const) {
    for (let k = 0; k < 6; k++) {
      for (let i = 0; i < 4; i++) rows.push(`${pilot},k${k},lakare,ai,${5 + k + (i % 2) * 0.5}`);
      for (let i = 0; i < 3; i++) rows.push(`${pilot},k${k},lakare,baseline,${6 + k + shift + (i % 2) * 0.5}`);
    }
  }
  rows.push('p1,s1,sjukskoterska,ai,4', 'p1,s1,sjukskoterska,baseline,5');

  it('prints per pilot and profession the estimate, interval, clinicians and notes as JSON', () => {
    const r = evalCli('time-saved', '--notes', file('ok.csv', `${rows.join('\r\n')}\r\n`), '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(3);
    const p1 = out.results.find((x: { pilot: string; profession: string }) => x.pilot === 'p1' && x.profession === 'lakare');
    expect(Object.keys(p1)).toEqual(['pilot', 'profession', 'estimate', 'lower', 'upper', 'clinicians', 'notes']);
    // mean baseline 6.1667+k, mean AI 5.25+k: 0.9167 saved, rounded to two decimals
    expect(p1).toMatchObject({ estimate: 0.92, clinicians: 6, notes: 42 });
    expect(out.results.find((x: { pilot: string }) => x.pilot === 'p2').estimate).toBe(2.92);
    expect(out.results.find((x: { profession: string }) => x.profession === 'sjukskoterska')).toEqual({ pilot: 'p1', profession: 'sjukskoterska', estimate: null, lower: null, upper: null, clinicians: 1, notes: 2 });
  });

  it('names the bad row in one error line', () => {
    const bad = [...rows.slice(0, 5), 'p1,k9,lakare,AI-stöd,4', ...rows.slice(5)];
    const r = evalCli('time-saved', '--notes', file('bad.csv', bad.join('\n')));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: row 6: mode "AI-stöd" must be ai or baseline\n');
    const minutes = evalCli('time-saved', '--notes', file('bad2.csv', 'clinician,profession,mode,minutes\nk1,lakare,ai,fem\n'));
    expect(minutes.stderr).toBe('error: row 2: minutes "fem" must be a number from 0 to 600\n');
    expect(evalCli('time-saved', '--notes', file('bad3.csv', 'clinician,mode,minutes\n')).stderr).toMatch(/^error: row 1: column "profession" is missing/);
    expect(evalCli('time-saved').code).toBe(2);
  });

  it('reads the schedule column and a file without pilots', () => {
    const groups = readTimeNotes('clinician,profession,mode,minutes,period\nk1,lakare,ai,4,ai\nk1,lakare,ai,4,baseline\nk1,lakare,baseline,6,\n');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ pilot: null, design: 'schedule' });
    expect(groups[0]!.clinicians[0]!.baseline).toEqual({ notes: 1, sum: 4, sumSq: 16, aiNotes: 1 });
  });

  it('estimates a thousand pilots in seconds', () => {
    const lines = ['pilot,clinician,profession,mode,minutes'];
    for (let p = 0; p < 1000; p++) for (let k = 0; k < 12; k++) for (let i = 0; i < 25; i++) lines.push(`p${p},k${k},lakare,${i % 3 ? 'ai' : 'baseline'},${(5 + k + (i % 3 ? 0 : 1) + ((i * 7 + p) % 5) * 0.3).toFixed(2)}`);
    const started = Date.now();
    const groups = readTimeNotes(lines.join('\n'));
    for (const g of groups) estimateTimeSaved(g);
    // about 1.5 s of CPU on an idle machine; generous for a loaded one
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(groups).toHaveLength(1000);
  });
});
