import { z } from 'zod';
import { JobStatus, RecordingStatus } from '../status';
import { TranscriptSegmentSchema } from '../transcript';
import { Id, Timestamp } from './common';

/** Answers of the recording endpoints (server/modules/recordings); the events stream and the audio are not JSON. */
const RecordingSchema = z.object({
  id: Id,
  encounterId: Id,
  status: RecordingStatus.schema,
  source: z.string(),
  sampleRate: z.number(),
  channels: z.number(),
  originalFormat: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  sha256: z.string().nullable(),
  jobId: z.string().nullable(),
  deletedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Recording = z.infer<typeof RecordingSchema>;
export const RecordingEnvelopeSchema = z.object({ recording: RecordingSchema });
/** which numbered chunks arrived, so a client can send the missing ones again */
export const RecordingStateSchema = z.object({
  recording: RecordingSchema,
  status: RecordingStatus.schema,
  received: z.array(z.number().int()),
  missing: z.array(z.number().int()),
  receivedSeconds: z.number(),
});
/** the recording is complete (or uploaded) and its transcription job started */
export const RecordingAcceptedSchema = z.object({ recording: RecordingSchema, job: z.object({ id: Id }) });
export const ChunkAckSchema = z.object({ seq: z.number().int(), acknowledged: z.literal(true) });

/**
 * The live transcript's Server-Sent Events (GET /recordings/:id/events): a
 * `segment` event per segment of a transcribed window, and a `status` event
 * whenever the state changes; the stream ends after the last state it names.
 */
export const SegmentEventSchema = TranscriptSegmentSchema.extend({ window: z.number().int() });
const TRANSCRIPTION_STATES = ['recording', 'transcribing', 'waiting', 'transcribed', 'failed', 'deleted'] as const;
export type TranscriptionState = (typeof TRANSCRIPTION_STATES)[number];
export const StatusEventSchema = z.object({
  recording: RecordingStatus.schema,
  windows: z.object({ total: z.number().int(), done: z.number().int() }),
  job: z.object({ status: JobStatus.schema, progress: z.number(), progressNote: z.string().nullable(), error: z.string().nullable() }).nullable(),
  transcriptId: z.string().nullable(),
  state: z.enum(TRANSCRIPTION_STATES),
});
export type StatusEvent = z.infer<typeof StatusEventSchema>;
/** the encounter's recordings, each with where its transcription stands (a stored one may be waiting for a speech model) */
export const RecordingListSchema = z.object({ recordings: z.array(RecordingSchema.extend({ state: z.enum(TRANSCRIPTION_STATES) })) });
export type ListedRecording = z.infer<typeof RecordingListSchema>['recordings'][number];
