import type { TranscriptionState } from '../../contracts/api/recordings';

/**
 * Where a recording's transcription stands, from the recording's status, its
 * job's status and whether its transcript exists. One rule for the live
 * events and the encounter's list, so the two never disagree.
 */
export function transcriptionState(recordingStatus: string, jobStatus: string | null, transcribed: boolean): TranscriptionState {
  if (transcribed) return 'transcribed';
  if (recordingStatus === 'deleted') return 'deleted';
  if (jobStatus === 'failed' || jobStatus === 'cancelled') return 'failed';
  if (jobStatus === 'waiting') return 'waiting';
  return recordingStatus === 'recording' ? 'recording' : 'transcribing';
}
