import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { ApiError } from '../../api/problem';
import { asApiError } from '../../api/problem';
import { cancelJob, getJob } from './api';

/** Polls a run's job and shows a progress bar until it ends; the run can be cancelled. */
export function RunProgress({ jobId, onDone }: { jobId: string; onDone(): void }) {
  const [state, setState] = useState<{ progress: number; note: string | null; status: string }>({ progress: 0, note: null, status: 'queued' });
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let stop = false;
    const tick = async () => {
      try {
        const job = await getJob(jobId);
        if (stop) return;
        setState({ progress: job.progress, note: job.progressNote, status: job.status });
        if (job.status === 'queued' || job.status === 'running') setTimeout(() => void tick(), 300);
        else onDone();
      } catch (e) {
        if (!stop) setError(asApiError(e));
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [jobId, onDone]);
  return (
    <div>
      <label htmlFor={`progress-${jobId}`}>Körningen pågår {state.note ? `(${state.note})` : ''}</label>
      <progress id={`progress-${jobId}`} max={1} value={state.progress} />
      <button type="button" className="secondary small" onClick={() => void cancelJob(jobId).catch((e) => setError(asApiError(e)))}>
        Avbryt
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
