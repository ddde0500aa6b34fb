import { metric, verdict } from '../../../../evals/metrics';
import { bootstrapCi } from '../../../../evals/metrics/bootstrap';
import { type CaseMetrics, type CaseOutput, RUN_METRICS, caseValue } from './evaluate-case';
import { mean } from './summary';
import { wordDiff } from './word-diff';

/**
 * Two runs on the same cases, side by side: per-case section texts with a
 * word diff, per-metric deltas (B − A) marked better/worse by the metric's
 * direction (from the metric registry), and the mean delta over cases with a
 * seeded bootstrap CI.
 */
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
        RUN_METRICS.map((id) => {
          const va = caseValue(ra.metrics, ra.durationMs, id);
          const vb = caseValue(rb.metrics, rb.durationMs, id);
          const delta = va === null || vb === null ? null : vb - va;
          return [id, { a: va, b: vb, delta, verdict: verdict(id, delta) }];
        }),
      ),
    };
  });
  const aggregate = RUN_METRICS.map(metric).map((m) => {
    const deltas = cases.map((c) => c.metrics[m.id]!.delta).filter((d): d is number => d !== null);
    const ci = bootstrapCi(deltas, (s) => mean(s) ?? Number.NaN, { iterations: 2000, seed: 7 });
    const meanDelta = mean(deltas);
    return {
      key: m.id,
      label: m.label,
      direction: m.direction,
      n: deltas.length,
      meanA: mean(cases.map((c) => c.metrics[m.id]!.a)),
      meanB: mean(cases.map((c) => c.metrics[m.id]!.b)),
      meanDelta,
      lower: Number.isFinite(ci.lower) ? ci.lower : null,
      upper: Number.isFinite(ci.upper) ? ci.upper : null,
      verdict: verdict(m.id, meanDelta),
    };
  });
  return { cases, aggregate, onlyInA: a.length - pairs.length, onlyInB: b.length - pairs.length };
}
