import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../api/problem';

export type Outcome<R> = { ok: true; value: R } | { ok: false };

/**
 * A form's submit: tracks busy state, keeps the server's problem for the
 * form to show per field, and says whether it worked (a 204 action succeeds
 * with `undefined`, so the value alone cannot tell).
 */
export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<Outcome<R>> => {
      setBusy(true);
      setError(null);
      try {
        return { ok: true, value: await action(...args) };
      } catch (reason) {
        setError(asApiError(reason));
        return { ok: false };
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}
