import type { AppDeps } from '../../deps';
import { sweepAudio, sweepTranscripts } from '../recordings/retention';
import { sweepReports } from '../followup/reports/jobs';

/**
 * Retention: the access log is kept AUDIT_RETENTION_YEARS (at least five, as
 * Patientdatalagen asks) and then swept; audio after AUDIO_RETENTION_HOURS
 * (or at signing), transcripts after TRANSCRIPT_RETENTION_DAYS, built
 * reports after REPORT_RETENTION_HOURS.
 */
export function registerMaintenance(deps: AppDeps): void {
  deps.jobs.register('maintenance.retention', async ({ deps: d }) => {
    const auditRows = await d.audit.sweep();
    const recordingsPurged = await sweepAudio(d);
    const transcriptsDeleted = await sweepTranscripts(d);
    const reportsDeleted = await sweepReports(d);
    return { auditRowsDeleted: auditRows, recordingsPurged, transcriptsDeleted, reportsDeleted };
  });
}

/**
 * Enqueue the retention job every hour from the web process: audio retention
 * is counted in hours, so a daily sweep could keep audio almost a day too long.
 */
export function scheduleRetention(deps: AppDeps): () => void {
  const run = () => void deps.jobs.enqueue('maintenance.retention', {}).catch((error) => deps.logger.error('retention.enqueue_failed', { error }));
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
