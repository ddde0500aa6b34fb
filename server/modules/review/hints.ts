import { z } from 'zod';
import type { NoteSection } from '../../contracts/note';
import { TranscriptSegmentSchema } from '../../contracts/transcript';
import { WorkflowSpecSchema } from '../../contracts/workflow';
import type { AppDeps } from '../../deps';
import { editHints } from '../../pipeline/draft/edit-hints';

type DraftRow = NonNullable<Awaited<ReturnType<AppDeps['db']['prisma']['draft']['findUnique']>>>;

/**
 * What the clinician's edits are checked against: the draft's transcript and
 * workflow. A note written without AI (no transcript) gets no hints.
 */
export async function hintChecker(deps: AppDeps, row: DraftRow): Promise<(section: NoteSection) => NoteSection> {
  const db = deps.db.prisma;
  const [transcript, version] = await Promise.all([
    row.transcriptId ? db.transcript.findUnique({ where: { id: row.transcriptId } }) : null,
    row.workflowVersionId ? db.workflowVersion.findUnique({ where: { id: row.workflowVersionId } }) : null,
  ]);
  if (!transcript || transcript.deletedAt || !version) return (section) => section;
  const segments = z.array(TranscriptSegmentSchema).parse(transcript.segments).filter((s) => s.text.trim() !== '');
  const spec = WorkflowSpecSchema.parse(version.spec);
  return (section) => ({
    ...section,
    hints: section.editedText === null ? [] : editHints(section.editedText, section.sentences.map((s) => s.text), segments, spec, section.heading),
  });
}
