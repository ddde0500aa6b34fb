import { z } from 'zod';
import { NoteSectionSchema } from '../../../../server/contracts/note';
import { TranscriptSegmentSchema } from '../../../../server/contracts/transcript';
import { API_BASE, request } from '../../api/client';
import { EncounterSchema } from '../../api/schemas';

/**
 * The review flow's endpoints (server/modules/review, transcripts, timing)
 * and the shapes of their answers. Note sections and transcript segments are
 * the server's own contracts.
 */
const Timestamp = z.iso.datetime({ offset: true });

export const TranscriptSchema = z.object({
  id: z.string(),
  recordingId: z.string().nullable(),
  source: z.string(),
  language: z.string(),
  segments: z.array(TranscriptSegmentSchema),
  createdAt: Timestamp,
});
export type Transcript = z.infer<typeof TranscriptSchema>;

export const DraftSchema = z.object({
  id: z.string(),
  status: z.enum(['utkast', 'redigerad', 'signerad']),
  revision: z.number().int(),
  drafterId: z.string(),
  workflowVersionId: z.string().nullable(),
  sections: z.array(NoteSectionSchema),
  createdAt: Timestamp,
});
export type Draft = z.infer<typeof DraftSchema>;

export const SignedNoteSchema = z.object({
  id: z.string(),
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

const WorkspaceSchema = z.object({
  encounter: EncounterSchema,
  transcript: TranscriptSchema.nullable(),
  drafts: z.array(DraftSchema),
  notes: z.array(SignedNoteSchema),
  workflows: z.array(z.object({ versionId: z.string(), label: z.string(), name: z.string(), version: z.number().nullable() })),
  defaultWorkflowVersionId: z.string().nullable(),
  drafters: z.array(z.object({ kind: z.enum(['extractive', 'local', 'hosted']), unavailableReason: z.string().nullable() })),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const RecordingSummarySchema = z.object({
  id: z.string(),
  status: z.enum(['recording', 'complete', 'deleted']),
  jobId: z.string().nullable(),
  deletedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type RecordingSummary = z.infer<typeof RecordingSummarySchema>;
const RecordingListSchema = z.object({ recordings: z.array(RecordingSummarySchema) });

const JobStartedSchema = z.object({ jobId: z.string(), draftId: z.string() });
export const JobSchema = z.object({ id: z.string(), status: z.string(), progress: z.number(), progressNote: z.string().nullable(), error: z.string().nullable() });
export type Job = z.infer<typeof JobSchema>;
const DraftEnvelope = z.object({ draft: DraftSchema });
const Timing = z.object({ activeEditingMs: z.number(), totalMs: z.number().nullable() });

export type DrafterKind = 'extractive' | 'local' | 'hosted';
export type TimeEvent = {
  kind: 'review_opened' | 'first_edit' | 'active_editing' | 'recording_started' | 'recording_stopped' | 'consultation_ended';
  at: string;
  valueMs?: number;
  draftId?: string;
};

const enc = encodeURIComponent;
export const getWorkspace = (encounterId: string) => request('GET', `/encounters/${enc(encounterId)}/workspace`, WorkspaceSchema);
export const pasteTranscript = (encounterId: string, text: string) =>
  request('POST', `/encounters/${enc(encounterId)}/transcripts`, z.object({ transcript: TranscriptSchema }), { body: { text } });
export const startDraft = (encounterId: string, body: { workflowVersionId?: string; drafter: DrafterKind }) =>
  request('POST', `/encounters/${enc(encounterId)}/drafts`, JobStartedSchema, { body });
export const listRecordings = (encounterId: string) => request('GET', `/encounters/${enc(encounterId)}/recordings`, RecordingListSchema);
export const recordingAudioUrl = (recordingId: string) => `${API_BASE}/recordings/${enc(recordingId)}/audio`;
export const startManualDraft = (encounterId: string, workflowVersionId: string | undefined) =>
  request('POST', `/encounters/${enc(encounterId)}/manual-draft`, DraftEnvelope, { body: workflowVersionId ? { workflowVersionId } : {} });
export const getDraft = (draftId: string) => request('GET', `/drafts/${enc(draftId)}`, DraftEnvelope);
export const getJob = (jobId: string) => request('GET', `/jobs/${enc(jobId)}`, JobSchema);
export const saveDraft = (draftId: string, revision: number, sections: { key: string; editedText?: string | null; accepted?: boolean }[]) =>
  request('PATCH', `/drafts/${enc(draftId)}`, DraftEnvelope, { body: { revision, sections } });
export const resolveFlag = (draftId: string, flagId: string, action: 'fixed' | 'dismissed', reason: string) =>
  request('POST', `/drafts/${enc(draftId)}/flags/${enc(flagId)}/resolve`, DraftEnvelope, { body: { action, reason } });
export const regenerateSection = (draftId: string, key: string) =>
  request('POST', `/drafts/${enc(draftId)}/sections/${enc(key)}/regenerate`, z.object({ jobId: z.string() }), { body: {} });
export const signDraft = (draftId: string, body: { rating?: number; wrongTags?: string[]; comment?: string }) =>
  request('POST', `/drafts/${enc(draftId)}/sign`, z.object({ note: SignedNoteSchema, timing: Timing }), { body });
export const sendTimeEvents = (encounterId: string, events: TimeEvent[]) =>
  request('POST', `/encounters/${enc(encounterId)}/time-events`, z.object({ recorded: z.number() }), { body: { events } });
export const amendNote = (encounterId: string, version: number, body: { sections: { heading: string; text: string }[]; reason: string }) =>
  request('POST', `/encounters/${enc(encounterId)}/notes/${version}/amend`, z.object({ note: SignedNoteSchema }), { body });
export const fhirUrl = (noteId: string) => `/api/v1/notes/${enc(noteId)}/fhir`;
