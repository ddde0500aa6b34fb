import { checkSection } from '../../../evals/metrics/grounding';
import type { EditHint } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { WorkflowSpec } from '../../contracts/workflow';
import { newId } from './flags';

/**
 * The clinician's own words in a section, checked against the consultation.
 * What the checker flags in a sentence the clinician wrote or changed (not a
 * drafted sentence kept as it was, whose flags are already on the sentence)
 * becomes a hint, "Inte nämnt i samtalet". Hints never block signing:
 * clinicians legitimately add what was not said aloud (earlier records,
 * their own findings), but a dose typed from memory gets a second look.
 */
export function editHints(
  editedText: string,
  draftedSentences: readonly string[],
  segments: readonly TranscriptSegment[],
  workflow: WorkflowSpec,
  heading: string | null = null,
): EditHint[] {
  if (editedText.trim() === '' || segments.length === 0) return [];
  const drafted = draftedSentences.map((s) => s.trim()).filter((s) => s !== '');
  const result = checkSection(
    {
      transcript: segments.map((s) => ({ id: s.id, text: s.text })),
      note: editedText,
      language: workflow.language,
      vocabulary: { drugs: workflow.vocabulary.drugs },
    },
    heading,
  );
  return result.flags
    .filter((f) => !drafted.some((d) => d.includes(sentenceAround(editedText, f.start, f.end))))
    .map((f) => ({
      id: newId('hi'),
      kind: f.kind,
      span: f.span,
      start: f.start,
      end: f.end,
      // "Samtalet sa annat" only when a statement of the consultation was compared; a drug nobody named is "not mentioned".
      contradicts: f.severity === 'critical' && f.said !== null,
      message: f.message,
      said: f.said,
      evidence: f.evidence !== null && segments.some((s) => s.id === f.evidence) ? f.evidence : null,
    }));
}

/** The sentence of the edited text holding a span (sentences end at . ! ? or a line break). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
  const rest = text.slice(end).search(/[.!?](?:\s|$)|\n/);
  return text.slice(from < 0 ? 0 : from + 1, rest < 0 ? text.length : end + rest + 1).trim();
}
