import { type MetricId, scoreNote } from '../../../../evals/metrics';
import type { NoteSection } from '../../../contracts/note';
import type { TestCase } from '../../../contracts/testcase';
import type { WorkflowSpec } from '../../../contracts/workflow';
import type { NoteDrafter } from '../../../pipeline/draft/drafter';
import { finalizeDraft } from '../../../pipeline/draft/finalize';
import { segmentsFromTurns } from '../../transcripts/service';

/**
 * A metric is null where the registry cannot measure it ("ej mätbart", e.g.
 * ROUGE with nothing to compare), never 0: a 0 would pull the run's means
 * down and read as a bad note. Means skip nulls (`summary.ts`).
 */
export interface CaseMetrics {
  rouge1: number | null;
  rougeL: number | null;
  /** null when the case has no evaluable (critical) key facts */
  keyFactRecall: number | null;
  criticalKeyFactRecall: number | null;
  flags: { total: number; critical: number; byKind: Record<string, number> };
  /** required sections with text / required sections */
  completeness: number | null;
  missingRequired: string[];
  lix: number | null;
  chars: number | null;
  words: number | null;
}

export interface CaseOutput {
  sections: { key: string; heading: string; text: string; sentences: NoteSection['sentences'] }[];
}

export interface CaseOutcome {
  output: CaseOutput;
  metrics: CaseMetrics;
  durationMs: number;
}

/** "Heading:\ntext" blocks: the form both the structure and ROUGE metrics read. */
export function noteText(sections: readonly { heading: string; text: string }[]): string {
  return sections.map((s) => `${s.heading}:\n${s.text}`).join('\n\n');
}

/** The metrics a comparison of two runs shows, in its order; labels and directions come from the registry. */
export const RUN_METRICS = ['rouge1', 'rougeL', 'keyFactRecall', 'criticalKeyFactRecall', 'criticalFlags', 'flags', 'completeness', 'lix', 'words', 'durationMs'] as const satisfies readonly MetricId[];
export type RunMetricId = (typeof RUN_METRICS)[number];

/** A stored case result's value of a run metric (stored rows keep their shape: flags nested, duration beside them). */
export function caseValue(metrics: CaseMetrics, durationMs: number, id: RunMetricId): number | null {
  switch (id) {
    case 'criticalFlags':
      return metrics.flags.critical;
    case 'flags':
      return metrics.flags.total;
    case 'durationMs':
      return durationMs;
    default:
      return metrics[id];
  }
}

/**
 * One test case through one workflow version: draft, finalize (evidence and
 * grounding flags, the same step clinicians' drafts go through), then the
 * automatic metrics against the case's reference note and key facts, as
 * the metric registry (evals/metrics) computes them.
 */
export async function evaluateCase(drafter: NoteDrafter, spec: WorkflowSpec, testCase: TestCase, signal?: AbortSignal): Promise<CaseOutcome> {
  const started = performance.now();
  const segments = segmentsFromTurns(testCase.turns);
  const drafted = await drafter.draft({ workflow: spec, segments, signal });
  const sections = finalizeDraft({ workflow: spec, segments, output: drafted });
  const durationMs = Math.round(performance.now() - started);
  const output: CaseOutput = {
    sections: sections.map((s) => ({ key: s.key, heading: s.heading, text: s.sentences.map((x) => x.text).join(' '), sentences: s.sentences })),
  };
  const note = noteText(output.sections);
  const flags = sections.flatMap((s) => s.sentences.flatMap((x) => x.flags));
  const byKind: Record<string, number> = {};
  for (const flag of flags) byKind[flag.kind] = (byKind[flag.kind] ?? 0) + 1;
  const withText = spec.sections.map((s) => ({ key: s.key, heading: s.heading, required: s.required, text: output.sections.find((x) => x.key === s.key)?.text ?? '' }));
  const m = scoreNote(
    {
      note,
      reference: noteText(testCase.referenceNote),
      tokenizer: 'unicode',
      language: spec.language,
      keyFacts: testCase.keyFacts,
      sections: withText,
      transcript: segments.map((s) => s.text).join('\n'),
      flags,
    },
    ['rouge1', 'rougeL', 'keyFactRecall', 'criticalKeyFactRecall', 'completeness', 'lix', 'chars', 'words'],
  );
  return {
    output,
    durationMs,
    metrics: {
      rouge1: m.rouge1,
      rougeL: m.rougeL,
      keyFactRecall: m.keyFactRecall,
      criticalKeyFactRecall: m.criticalKeyFactRecall,
      // the flags are counted here, on the flags themselves: there is always a count
      flags: { total: flags.length, critical: flags.filter((f) => f.severity === 'critical').length, byKind },
      completeness: m.completeness,
      missingRequired: withText.filter((s) => s.required && s.text.trim().length === 0).map((s) => s.key),
      lix: m.lix,
      chars: m.chars,
      words: m.words,
    },
  };
}
