import type { TranscriptionState } from '../../contracts/api/recordings';
import type { AppDeps } from '../../deps';
import { configuredTranscriber } from './transcriber';

/** What decides a recording's transcription state: its own status, its job's, and whether its transcript exists. */
interface StateInput {
  recordingStatus: string;
  jobStatus: string | null;
  transcribed: boolean;
}

/**
 * Where a recording's transcription stands, from the recording's status, its
 * job's status and whether its transcript exists. One rule for the live
 * events and the encounter's list, so the two never disagree.
 */
function transcriptionState({ recordingStatus, jobStatus, transcribed }: StateInput): TranscriptionState {
  if (transcribed) return 'transcribed';
  if (recordingStatus === 'deleted') return 'deleted';
  if (jobStatus === 'failed' || jobStatus === 'cancelled') return 'failed';
  if (jobStatus === 'waiting') return 'waiting';
  return recordingStatus === 'recording' ? 'recording' : 'transcribing';
}

/**
 * The states of several recordings, as a clinician should read them. A job
 * that is queued (or retried) while the speech model is missing would only be
 * put aside as `waiting` once a worker looks at it, so until then it is called
 * waiting already: the page never says "transkriberas" about audio that cannot
 * be transcribed. The model is looked at (a few file checks) only when some
 * recording would otherwise be `transcribing`, and only in a process that
 * runs the jobs itself.
 */
export async function transcriptionStates(deps: AppDeps, inputs: readonly StateInput[]): Promise<TranscriptionState[]> {
  const states = inputs.map(transcriptionState);
  if (!states.includes('transcribing')) return states;
  // Only this process's own models say anything when it runs the jobs itself.
  // A web process with RUN_JOBS_IN_WEB=false (scale-out) has no speech model
  // of its own: the worker processes do, and a worker that lacks it marks the
  // job `waiting` in the shared Job row, which the rule above already reads.
  // Asking the web's empty MODELS_DIR would call every queued job waiting and
  // end its live stream before the workers' segments arrive.
  if (!deps.env.RUN_JOBS_IN_WEB) return states;
  const missing = (await configuredTranscriber(deps).status()).state === 'missing';
  return missing ? states.map((s) => (s === 'transcribing' ? 'waiting' : s)) : states;
}
