import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/problem';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Load one thing from the API when a page shows; `reload` after a change.
 * A newer load wins over an older one still in flight.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // The caller lists what `load` depends on, as with useEffect.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's list is the dependency list
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    let current = true;
    setLoading(true);
    stableLoad().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(asApiError(reason));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [stableLoad, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
