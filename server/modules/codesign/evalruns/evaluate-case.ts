import { keyFactRecall } from '../../../../evals/metrics/keyfacts';
import { rouge } from '../../../../evals/metrics/rouge';
import { analyseStructure } from '../../../../evals/metrics/structure';
import type { NoteSection } from '../../../contracts/note';
import type { TestCase } from '../../../contracts/testcase';
import type { WorkflowSpec } from '../../../contracts/workflow';
import type { NoteDrafter } from '../../../pipeline/draft/drafter';
import { finalizeDraft } from '../../../pipeline/draft/finalize';
import { segmentsFromTurns } from '../../transcripts/service';

/**
 * One test case through one workflow version: draft, finalize (evidence and
 * grounding flags, the same step clinicians' drafts go through), then the
 * automatic metrics against the case's reference note and key facts.
 */
export interface CaseMetrics {
  rouge1: number;
  rougeL: number;
  /** null when the case has no evaluable (critical) key facts */
  keyFactRecall: number | null;
  criticalKeyFactRecall: number | null;
  flags: { total: number; critical: number; byKind: Record<string, number> };
  /** required sections with text / required sections */
  completeness: number;
  missingRequired: string[];
  lix: number;
  chars: number;
  words: number;
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

const finite = (x: number) => (Number.isFinite(x) ? x : null);

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
  const reference = noteText(testCase.referenceNote);
  const scores = rouge(reference, note, { tokenizer: 'unicode' });
  const facts = keyFactRecall(note, testCase.keyFacts, spec.language);
  const structure = analyseStructure(
    note,
    spec.sections.map((s) => ({ key: s.key, heading: s.heading, required: s.required })),
    segments.map((s) => s.text).join('\n'),
  );
  const flags = sections.flatMap((s) => s.sentences.flatMap((x) => x.flags));
  const byKind: Record<string, number> = {};
  for (const flag of flags) byKind[flag.kind] = (byKind[flag.kind] ?? 0) + 1;
  const required = output.sections.filter((s) => spec.sections.find((x) => x.key === s.key)?.required);
  return {
    output,
    durationMs,
    metrics: {
      rouge1: scores.rouge1.f1,
      rougeL: scores.rougeL.f1,
      keyFactRecall: finite(facts.recall),
      criticalKeyFactRecall: finite(facts.criticalRecall),
      flags: { total: flags.length, critical: flags.filter((f) => f.severity === 'critical').length, byKind },
      completeness: required.length === 0 ? 1 : required.filter((s) => s.text.trim().length > 0).length / required.length,
      missingRequired: required.filter((s) => s.text.trim().length === 0).map((s) => s.key),
      lix: structure.lix,
      chars: structure.chars,
      words: structure.words,
    },
  };
}
