import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../../api/problem';
import { getJob, type Job } from './api';

const POLL_MS = 400;
/** A job waiting for a model is tried again by the server every half minute or so; asking more often gains nothing. */
const WAITING_POLL_MS = 5_000;

/** Polls /jobs/:id until the job ends (a waiting job is still followed); `onDone` runs once when it succeeds. */
export function useJob(jobId: string | null, onDone: () => void): { job: Job | null; error: ApiError | null } {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await getJob(jobId);
        if (stopped) return;
        setJob(current);
        if (current.status === 'succeeded') onDone();
        else if (current.status === 'queued' || current.status === 'running') timer = setTimeout(poll, POLL_MS);
        else if (current.status === 'waiting') timer = setTimeout(poll, WAITING_POLL_MS);
      } catch (reason) {
        if (!stopped) setError(asApiError(reason));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // onDone is the caller's reload; only a new job id restarts polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);
  return { job, error };
}
