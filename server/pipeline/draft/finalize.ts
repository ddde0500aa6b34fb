import type { DraftOutput, NoteSection } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { WorkflowSpec } from '../../contracts/workflow';
import { alignEvidence, indexSegments, verifyCited } from './evidence';
import { flagSentences, newId } from './flags';
import { requestedSections } from './prompt';

/**
 * The one place where any drafter's output becomes a reviewable note:
 * evidence verified or aligned, audio times attached, every sentence checked
 * by the grounding checker. Whatever the adapter (extractive, hosted, local),
 * the reviewer sees the same kind of evidence and the same flags.
 */
export interface FinalizeInput {
  workflow: WorkflowSpec;
  segments: readonly TranscriptSegment[];
  output: DraftOutput;
  /** regenerate: only these sections are produced */
  onlySections?: readonly string[];
}

/** Sections in workflow order, empty ones included, with evidence and flags. */
export function finalizeDraft({ workflow, segments, output, onlySections }: FinalizeInput): NoteSection[] {
  const language = workflow.language;
  const indexed = indexSegments(segments, language);
  const sections = requestedSections(workflow, onlySections).map((section) => {
    const drafted = output.sections.find((s) => s.key === section.key)?.sentences ?? [];
    return {
      key: section.key,
      heading: section.heading,
      sentences: drafted.map((sentence) => {
        const cited = verifyCited(sentence.text, sentence.evidence, indexed, language);
        return {
          id: newId('se'),
          text: sentence.text,
          evidence: cited.length > 0 ? cited : alignEvidence(sentence.text, indexed, language),
          flags: [] as NoteSection['sentences'][number]['flags'],
        };
      }),
      editedText: null,
      hints: [],
      accepted: false,
    } satisfies NoteSection;
  });
  const all = sections.flatMap((s) => s.sentences);
  const flags = flagSentences(
    all.map((s) => s.text),
    segments,
    workflow,
    sections.flatMap((s) => s.sentences.map(() => s.heading)),
  );
  all.forEach((sentence, i) => {
    sentence.flags = flags[i] ?? [];
  });
  return sections;
}
