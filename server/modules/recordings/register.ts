import type { AppDeps } from '../../deps';
import type { RouteDef } from '../../http/route';
import { registerAsr } from './transcriber';
import { gatewayAudioRoutes } from '../gateway/audio';
import { registerRecordingJobs } from './jobs';
import { liveWindowing } from './live';

/** Speech: the transcriber and its model status, the transcription jobs, the live windowing, and /v1/audio/transcriptions. */
export function registerRecordings(deps: AppDeps): void {
  registerAsr(deps);
  registerRecordingJobs(deps);
  liveWindowing(deps);
  ((deps.services.gatewayRoutes ??= []) as RouteDef[]).push(...gatewayAudioRoutes);
}
