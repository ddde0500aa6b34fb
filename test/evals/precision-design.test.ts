import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../evals/metrics/distributions';
import { assumedDesignEffect, cliniciansNeeded, halfWidth } from '../../evals/metrics/precision';
import { estimateTimeSaved, type ArmSums, type ClinicianTimes } from '../../evals/metrics/time-saved';

/**
 * The precision calculator under a schedule per care unit: the variance is
 * inflated by the design effect and the t quantile counts units; the
 * estimator reports the design effect it observed.
 */
const arm = (notes: number, mean: number, sd: number): ArmSums => ({ notes, sum: notes * mean, sumSq: (notes - 1) * sd * sd + notes * mean * mean, aiNotes: 0 });

/** 12 clinicians in 4 units of 3; each unit's clinicians share `unitShift` of their saving. */
function pilot(unitShift: readonly number[], perUnit: boolean): ClinicianTimes[] {
  return Array.from({ length: 12 }, (_, i) => {
    const u = Math.floor(i / 3);
    const saving = 1 + unitShift[u]! + 0.05 * ((i % 3) - 1);
    const ai = { ...arm(20, 5, 1), aiNotes: 20 };
    return { clinician: `c${i}`, cluster: perUnit ? `u${u}` : `c${i}`, ai, baseline: arm(20, 5 + saving, 1) };
  });
}

describe('precision under a design clustered by care unit', () => {
  const a = { withinSd: 3, betweenSd: 0.5, compliance: 1 };

  it('is the independent-clinician formula without a design effect', () => {
    const g = 40;
    const expected = studentTQuantile(0.975, g - 1) * Math.sqrt(g / (g - 1)) * Math.sqrt((0.25 + (2 * 9) / 10) / g);
    expect(halfWidth(a, g, 10)).toBeCloseTo(expected, 12);
    expect(halfWidth({ ...a, designEffect: 1, clusterSize: 1 }, g, 10)).toBeCloseTo(expected, 12);
  });

  it('multiplies the variance by the design effect and counts units for the t quantile', () => {
    const g = 40;
    const units = g / 4;
    const expected = studentTQuantile(0.975, units - 1) * Math.sqrt(units / (units - 1)) * Math.sqrt((1.6 * (0.25 + (2 * 9) / 10)) / g);
    expect(halfWidth({ ...a, designEffect: 1.6, clusterSize: 4 }, g, 10)).toBeCloseTo(expected, 12);
    const independent = cliniciansNeeded(a, 0.5, 10)!;
    const clustered = cliniciansNeeded({ ...a, designEffect: assumedDesignEffect(4), clusterSize: 4 }, 0.5, 10)!;
    expect(assumedDesignEffect(4)).toBeCloseTo(1.15, 12);
    expect(clustered).toBeGreaterThan(independent * 1.15 - 1);
  });

  it('reads the design effect off the estimate: 1 per clinician, above 1 when units share their saving', () => {
    const shifts = [-0.6, -0.2, 0.2, 0.6];
    const byClinician = estimateTimeSaved({ design: 'schedule', clinicians: pilot(shifts, false) }, { iterations: 200 });
    expect(byClinician.variance.designEffect).toBe(1);
    const byUnit = estimateTimeSaved({ design: 'schedule', clinicians: pilot(shifts, true) }, { iterations: 200 });
    expect(byUnit.clusters).toBe(4);
    // three clinicians per unit, almost all of their spread shared: close to k = 3
    expect(byUnit.variance.designEffect).toBeGreaterThan(2.5);
    expect(byUnit.variance.designEffect).toBeLessThanOrEqual(3 + 1e-9);
    // the same point estimate either way; only the interval's unit differs
    expect(byUnit.estimate).toBeCloseTo(byClinician.estimate!, 12);
  });
});
