import { ErrorMessage } from '../../components/ErrorMessage';
import type { ApiError } from '../../api/problem';
import type { Job } from './api';

/** A job's progress bar, what it waits for, and its Swedish error when it failed (the part after "code: "). */
export function JobProgress({ job, error, label }: { job: Job | null; error: ApiError | null; label: string }) {
  if (error) return <ErrorMessage error={error} />;
  if (!job) return null;
  if (job.status === 'failed') {
    return (
      <div className="error-box" role="alert">
        <p className="error-title">{label} misslyckades</p>
        <p>{job.error?.replace(/^[\w.]+: /, '') ?? 'Okänt fel.'}</p>
      </div>
    );
  }
  if (job.status === 'succeeded') return null;
  if (job.status === 'waiting') {
    return (
      <p className="notice" role="status">
        {job.progressNote}
      </p>
    );
  }
  return (
    <div className="job-progress">
      <progress max={1} value={job.progress} aria-label={label} />
      <span className="muted">{job.progressNote ?? 'Väntar på tur …'}</span>
    </div>
  );
}
