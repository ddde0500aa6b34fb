import type { AppDeps } from '../../deps';

/**
 * Retention: the access log is kept AUDIT_RETENTION_YEARS (at least five, as
 * Patientdatalagen asks) and then swept. Audio and transcript retention join
 * this job when those modules land.
 */
export function registerMaintenance(deps: AppDeps): void {
  deps.jobs.register('maintenance.retention', async ({ deps: d }) => {
    const auditRows = await d.audit.sweep();
    return { auditRowsDeleted: auditRows };
  });
}

/** Enqueue the retention job once a day from the web process. */
export function scheduleRetention(deps: AppDeps): () => void {
  const run = () => void deps.jobs.enqueue('maintenance.retention', {}).catch((error) => deps.logger.error('retention.enqueue_failed', { error }));
  const timer = setInterval(run, 24 * 3_600_000);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
