import type { AppDeps } from '../../deps';
import { registerAsr } from './transcriber';
import { registerRecordingJobs } from './jobs';
import { liveWindowing } from './live';

/** Speech: the transcriber and its model status, the transcription jobs and the live windowing (/v1/audio/transcriptions is in the gateway's table). */
export function registerRecordings(deps: AppDeps): void {
  registerAsr(deps);
  registerRecordingJobs(deps);
  liveWindowing(deps);
  // Open event streams end at shutdown, so the server does not wait for clients to leave.
  deps.services.disposers.push(async () => {
    for (const stop of [...deps.services.recordingStreams]) stop();
  });
}
