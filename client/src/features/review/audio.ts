import { recordingAudioUrl, type RecordingSummary, type Transcript } from './api';

/**
 * Which audio belongs beside the transcript. The player must play the
 * recording the transcript was made from, or the segment times point into
 * the wrong sound; a pasted transcript has no audio and no times.
 */
export type TranscriptAudio = { kind: 'none' } | { kind: 'available'; url: string } | { kind: 'deleted' };

export function audioFor(transcript: Transcript | null, recordings: readonly RecordingSummary[]): TranscriptAudio {
  const recording = transcript?.recordingId ? recordings.find((r) => r.id === transcript.recordingId) : undefined;
  if (!recording) return { kind: 'none' };
  if (recording.status === 'deleted' || recording.deletedAt) return { kind: 'deleted' };
  return recording.status === 'complete' ? { kind: 'available', url: recordingAudioUrl(recording.id) } : { kind: 'none' };
}

/**
 * The transcription job to wait for: the newest recording, once complete,
 * when the newest transcript is not yet its own (it started after any
 * transcript the page shows). Null when there is nothing to wait for.
 */
export function pendingTranscriptionJob(transcript: Transcript | null, recordings: readonly RecordingSummary[]): string | null {
  const newest = [...recordings].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!newest || newest.status !== 'complete' || !newest.jobId) return null;
  if (transcript && (transcript.recordingId === newest.id || transcript.createdAt > newest.createdAt)) return null;
  return newest.jobId;
}
