import {
  DraftEnvelopeSchema,
  DraftJobStartedSchema,
  NoteEnvelopeSchema,
  SignedSchema,
  TimeEventsRecordedSchema,
  TranscriptEnvelopeSchema,
  WorkspaceSchema,
  type DrafterKind,
} from '../../../../server/contracts/api/review';
import { JobStartedSchema } from '../../../../server/contracts/api/common';
import { JobSchema } from '../../../../server/contracts/api/jobs';
import { API_BASE, request } from '../../api/client';

/** The review flow's endpoints (server/modules/review, transcripts, timing); their answers' shapes are the server's contracts. */
export type { Draft, DrafterKind, RecordingSummary, SignedNote, Transcript, Workspace } from '../../../../server/contracts/api/review';
export type { Job } from '../../../../server/contracts/api/jobs';

export type TimeEvent = {
  kind: 'review_opened' | 'first_edit' | 'active_editing' | 'recording_started' | 'recording_stopped' | 'consultation_ended';
  at: string;
  valueMs?: number;
  draftId?: string;
};

const enc = encodeURIComponent;
export const getWorkspace = (encounterId: string) => request('GET', `/encounters/${enc(encounterId)}/workspace`, WorkspaceSchema);
export const pasteTranscript = (encounterId: string, text: string) =>
  request('POST', `/encounters/${enc(encounterId)}/transcripts`, TranscriptEnvelopeSchema, { body: { text } });
export const startDraft = (encounterId: string, body: { workflowVersionId?: string; drafter: DrafterKind }) =>
  request('POST', `/encounters/${enc(encounterId)}/drafts`, DraftJobStartedSchema, { body });
export const recordingAudioUrl = (recordingId: string) => `${API_BASE}/recordings/${enc(recordingId)}/audio`;
export const startManualDraft = (encounterId: string, workflowVersionId: string | undefined) =>
  request('POST', `/encounters/${enc(encounterId)}/manual-draft`, DraftEnvelopeSchema, { body: workflowVersionId ? { workflowVersionId } : {} });
export const getDraft = (draftId: string) => request('GET', `/drafts/${enc(draftId)}`, DraftEnvelopeSchema);
export const getJob = (jobId: string) => request('GET', `/jobs/${enc(jobId)}`, JobSchema);
export const saveDraft = (draftId: string, revision: number, sections: { key: string; editedText?: string | null; accepted?: boolean }[]) =>
  request('PATCH', `/drafts/${enc(draftId)}`, DraftEnvelopeSchema, { body: { revision, sections } });
export const resolveFlag = (draftId: string, flagId: string, action: 'fixed' | 'dismissed', reason: string) =>
  request('POST', `/drafts/${enc(draftId)}/flags/${enc(flagId)}/resolve`, DraftEnvelopeSchema, { body: { action, reason } });
export const regenerateSection = (draftId: string, key: string) =>
  request('POST', `/drafts/${enc(draftId)}/sections/${enc(key)}/regenerate`, JobStartedSchema, { body: {} });
export const signDraft = (draftId: string, body: { rating?: number; wrongTags?: string[]; comment?: string }) =>
  request('POST', `/drafts/${enc(draftId)}/sign`, SignedSchema, { body });
export const sendTimeEvents = (encounterId: string, events: TimeEvent[]) =>
  request('POST', `/encounters/${enc(encounterId)}/time-events`, TimeEventsRecordedSchema, { body: { events } });
export const amendNote = (encounterId: string, version: number, body: { sections: { heading: string; text: string }[]; reason: string }) =>
  request('POST', `/encounters/${enc(encounterId)}/notes/${version}/amend`, NoteEnvelopeSchema, { body });
export const fhirUrl = (noteId: string) => `/api/v1/notes/${enc(noteId)}/fhir`;
