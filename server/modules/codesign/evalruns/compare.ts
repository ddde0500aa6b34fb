import { bootstrapCi } from '../../../../evals/metrics/bootstrap';
import type { CaseMetrics, CaseOutput } from './evaluate-case';
import { mean } from './summary';
import { wordDiff } from './word-diff';

/**
 * Two runs on the same cases, side by side: per-case section texts with a
 * word diff, per-metric deltas (B − A) marked better/worse by the metric's
 * direction, and the mean delta over cases with a seeded bootstrap CI.
 */
type Direction = 'higher' | 'lower' | 'neutral';

const METRICS: { key: string; label: string; direction: Direction; get: (m: CaseMetrics, durationMs: number) => number | null }[] = [
  { key: 'rouge1', label: 'ROUGE-1', direction: 'higher', get: (m) => m.rouge1 },
  { key: 'rougeL', label: 'ROUGE-L', direction: 'higher', get: (m) => m.rougeL },
  { key: 'keyFactRecall', label: 'Nyckelfakta', direction: 'higher', get: (m) => m.keyFactRecall },
  { key: 'criticalKeyFactRecall', label: 'Kritiska nyckelfakta', direction: 'higher', get: (m) => m.criticalKeyFactRecall },
  { key: 'criticalFlags', label: 'Kritiska flaggor', direction: 'lower', get: (m) => m.flags.critical },
  { key: 'flags', label: 'Flaggor', direction: 'lower', get: (m) => m.flags.total },
  { key: 'completeness', label: 'Rubriker ifyllda', direction: 'higher', get: (m) => m.completeness },
  { key: 'lix', label: 'LIX', direction: 'lower', get: (m) => m.lix },
  { key: 'words', label: 'Ord', direction: 'neutral', get: (m) => m.words },
  { key: 'durationMs', label: 'Tid (ms)', direction: 'neutral', get: (_m, ms) => ms },
];

export type Verdict = 'better' | 'worse' | 'same' | null;

function verdict(delta: number | null, direction: Direction): Verdict {
  if (delta === null || direction === 'neutral') return null;
  if (Math.abs(delta) < 1e-9) return 'same';
  return (delta > 0) === (direction === 'higher') ? 'better' : 'worse';
}

export interface ResultRow {
  caseId: string;
  slug: string;
  title: string;
  output: CaseOutput;
  metrics: CaseMetrics;
  durationMs: number;
}

export function compareRuns(a: readonly ResultRow[], b: readonly ResultRow[]) {
  const bByCase = new Map(b.map((r) => [r.caseId, r]));
  const pairs = a.flatMap((ra) => {
    const rb = bByCase.get(ra.caseId);
    return rb ? [[ra, rb] as const] : [];
  });
  const cases = pairs.map(([ra, rb]) => {
    const keys = [...new Set([...ra.output.sections.map((s) => s.key), ...rb.output.sections.map((s) => s.key)])];
    return {
      caseId: ra.caseId,
      slug: ra.slug,
      title: ra.title,
      sections: keys.map((key) => {
        const sa = ra.output.sections.find((s) => s.key === key);
        const sb = rb.output.sections.find((s) => s.key === key);
        const textA = sa?.text ?? '';
        const textB = sb?.text ?? '';
        return { key, heading: sb?.heading ?? sa?.heading ?? key, a: textA, b: textB, changed: textA !== textB, diff: wordDiff(textA, textB) };
      }),
      metrics: Object.fromEntries(
        METRICS.map((m) => {
          const va = m.get(ra.metrics, ra.durationMs);
          const vb = m.get(rb.metrics, rb.durationMs);
          const delta = va === null || vb === null ? null : vb - va;
          return [m.key, { a: va, b: vb, delta, verdict: verdict(delta, m.direction) }];
        }),
      ),
    };
  });
  const aggregate = METRICS.map((m) => {
    const deltas = cases.map((c) => c.metrics[m.key]!.delta).filter((d): d is number => d !== null);
    const ci = bootstrapCi(deltas, (s) => mean(s) ?? Number.NaN, { iterations: 2000, seed: 7 });
    const meanDelta = mean(deltas);
    return {
      key: m.key,
      label: m.label,
      direction: m.direction,
      n: deltas.length,
      meanA: mean(cases.map((c) => c.metrics[m.key]!.a)),
      meanB: mean(cases.map((c) => c.metrics[m.key]!.b)),
      meanDelta,
      lower: Number.isFinite(ci.lower) ? ci.lower : null,
      upper: Number.isFinite(ci.upper) ? ci.upper : null,
      verdict: verdict(meanDelta, m.direction),
    };
  });
  return { cases, aggregate, onlyInA: a.length - pairs.length, onlyInB: b.length - pairs.length };
}
