import { z } from 'zod';
import { NoteSectionSchema } from '../note';
import { DraftStatus } from '../status';
import { TranscriptSegmentSchema } from '../transcript';
import { Id, Timestamp } from './common';
import { EncounterSchema } from './encounters';
import type { Recording } from './recordings';

/** Answers of the review flow (server/modules/review, transcripts, recordings, timing). */
export const TranscriptSchema = z.object({
  id: Id,
  recordingId: z.string().nullable(),
  source: z.string(),
  language: z.string(),
  segments: z.array(TranscriptSegmentSchema),
  createdAt: Timestamp,
});
export type Transcript = z.infer<typeof TranscriptSchema>;
export const TranscriptEnvelopeSchema = z.object({ transcript: TranscriptSchema });
export const TranscriptListSchema = z.object({ transcripts: z.array(TranscriptSchema) });

const DraftSchema = z.object({
  id: Id,
  status: DraftStatus.schema,
  revision: z.number().int(),
  drafterId: z.string(),
  workflowVersionId: z.string().nullable(),
  sections: z.array(NoteSectionSchema),
  createdAt: Timestamp,
});
export type Draft = z.infer<typeof DraftSchema>;
export const DraftEnvelopeSchema = z.object({ draft: DraftSchema });

const SignedNoteSchema = z.object({
  id: Id,
  version: z.number().int(),
  text: z.string(),
  sections: z.array(z.object({ key: z.string().nullable(), heading: z.string(), text: z.string() })),
  signedBy: z.object({ displayName: z.string() }),
  signedAt: Timestamp,
  amendsId: z.string().nullable(),
  /** for an amendment: why it was made */
  comment: z.string().nullable(),
});
export type SignedNote = z.infer<typeof SignedNoteSchema>;
export const NoteEnvelopeSchema = z.object({ note: SignedNoteSchema });
export const SignedSchema = z.object({ note: SignedNoteSchema, timing: z.object({ activeEditingMs: z.number(), totalMs: z.number().nullable() }) });

export const DrafterKindSchema = z.enum(['extractive', 'local', 'hosted']);
export type DrafterKind = z.infer<typeof DrafterKindSchema>;

export const WorkspaceSchema = z.object({
  encounter: EncounterSchema,
  transcript: TranscriptSchema.nullable(),
  drafts: z.array(DraftSchema),
  notes: z.array(SignedNoteSchema),
  workflows: z.array(z.object({ versionId: Id, label: z.string(), name: z.string(), version: z.number().nullable() })),
  defaultWorkflowVersionId: z.string().nullable(),
  drafters: z.array(z.object({ kind: DrafterKindSchema, unavailableReason: z.string().nullable() })),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** a recording as the review page lists it */
export type RecordingSummary = Recording;

export const DraftJobStartedSchema = z.object({ jobId: Id, draftId: Id });
export const TimeEventsRecordedSchema = z.object({ recorded: z.number() });
