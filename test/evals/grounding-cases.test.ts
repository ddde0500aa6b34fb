import { describe, expect, it } from 'vitest';
import { evaluateGroundingCases, loadGroundingCases, type GroundingEvalReport } from '../../evals/validation/grounding-eval';

// The project's own synthetic Swedish cases: always present, so this always runs.
// Only dev/ (and seeded-sv) is read here; locked folders are only checked for valid files, in
// grounding-locked-files.test.ts, and never scored: they are run only to report. Former locked
// splits were moved into dev/ once reported (see evals/fixtures/grounding-sv/README.md).
const DEV = 'evals/fixtures/grounding-sv/dev';
const SEEDED = 'evals/fixtures/seeded-sv';

function summary(name: string, r: GroundingEvalReport): string {
  return `${name} (${r.cases} cases): flags/correct note ${r.flagsPerReference.toFixed(2)} (critical ${r.criticalPerReference.toFixed(2)}), ` +
    `recall ${r.caught}/${r.planted} = ${r.recall.toFixed(3)}, precision ${r.precision.toFixed(3)}; by kind ` +
    Object.entries(r.recallByKind).filter(([, k]) => k.planted > 0).map(([k, v]) => `${k} ${v.caught}/${v.planted}`).join(', ');
}

describe('grounding cases (development split)', async () => {
  const written = await loadGroundingCases(DEV);
  const seeded = await loadGroundingCases(SEEDED);

  it('has ≥ 20 new development consultations over six professions and telephone triage', () => {
    expect(written.every((c) => c.split === 'dev')).toBe(true);
    expect(written.length).toBeGreaterThanOrEqual(20);
    const professions = new Set(written.map((c) => c.profession));
    for (const p of ['läkare', 'sjuksköterska', 'fysioterapeut', 'arbetsterapeut', 'psykolog', 'kurator', 'telefonrådgivning']) {
      expect(professions, p).toContain(p);
    }
    for (const c of written) expect(c.drafts.flatMap((d) => d.planted).every((p) => p.said.length > 0), c.id).toBe(true);
  });

  it('is quiet on correct notes and loud on planted errors (development figures)', () => {
    const earlier = evaluateGroundingCases([...written.filter((c) => !/^l[234]-/.test(c.id)), ...seeded]);
    console.log(summary('grounding dev without l2, l3, l4', earlier));
    expect(earlier.flagsPerReference).toBeLessThanOrEqual(1);
    expect(earlier.criticalPerReference).toBeLessThanOrEqual(0.3);
    expect(earlier.recall).toBeGreaterThanOrEqual(0.9);
    expect(earlier.precision).toBeGreaterThanOrEqual(0.85);
    // l2-* (the former locked-2, moved here after its one reported run): what it measured then,
    // raised as round 3 improves the checker on it.
    const l2 = evaluateGroundingCases(written.filter((c) => c.id.startsWith('l2-')));
    console.log(summary('grounding dev l2', l2));
    expect(l2.flagsPerReference).toBeLessThanOrEqual(1.15);
    expect(l2.criticalPerReference).toBeLessThanOrEqual(0.1);
    expect(l2.recall).toBeGreaterThanOrEqual(0.73);
    expect(l2.precision).toBeGreaterThanOrEqual(0.75);
    // l3-* (the former locked-3, moved here after the lead's reported runs): 2.45 flags (1.50
    // critical), recall 0.63 when locked. The severity policy is learned on l3, so its critical
    // figure here is a tuned one; the held-out figure is in grounding-policy.test.ts.
    const l3 = evaluateGroundingCases(written.filter((c) => c.id.startsWith('l3-')));
    console.log(summary('grounding dev l3', l3));
    expect(l3.flagsPerReference).toBeLessThanOrEqual(2.46);
    expect(l3.criticalPerReference).toBeLessThanOrEqual(0.45);
    expect(l3.recall).toBeGreaterThanOrEqual(0.66);
    // l4-* (the former locked-4, moved here after the lead's two reported runs): 2.46 flags (0.25
    // critical), recall 64/125 = 0.51 when locked; round 5 (typed claims, tuned on it): 2.17 (0.13), 77/125.
    // Topic labels (a "Word:" that is no note heading stays in its sentence): 2.25 (0.13), two more
    // non-blocking plan hints, "Info: söka akut …" and "Nästa session om 1 v." now read under Åtgärd.
    const l4 = evaluateGroundingCases(written.filter((c) => c.id.startsWith('l4-')));
    console.log(summary('grounding dev l4', l4));
    expect(l4.flagsPerReference).toBeLessThanOrEqual(2.25);
    expect(l4.criticalPerReference).toBeLessThanOrEqual(0.15);
    expect(l4.recall).toBeGreaterThanOrEqual(0.61);
  });
});
