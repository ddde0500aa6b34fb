import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../api/problem';
import { getDraft, saveDraft, type Draft } from './api';

const DEBOUNCE_MS = 800;
type Change = { editedText?: string | null; accepted?: boolean };

/**
 * Debounced autosave of section edits with the draft's revision. When the
 * server answers 409 `version_conflict` (the draft changed in another window)
 * nothing is overwritten: the latest draft is fetched and handed to
 * `onConflict` with the keys of the sections whose edits were not saved, so
 * the page can show that text for the user to copy back in.
 */
export function useAutosave(draft: Draft, onSaved: (draft: Draft) => void, onConflict: (latest: Draft, unsavedKeys: string[]) => void) {
  const pending = useRef(new Map<string, Change>());
  const revision = useRef(draft.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'pending' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  revision.current = Math.max(revision.current, draft.revision);

  const reloadAfterConflict = useCallback(
    async (failed: [string, Change][]) => {
      // Edits typed while the failed save was on its way were made on the stale text too.
      const unsaved = [...failed, ...pending.current].filter(([, change]) => change.editedText !== undefined).map(([key]) => key);
      pending.current.clear();
      clearTimeout(timer.current);
      const { draft: latest } = await getDraft(draft.id);
      revision.current = latest.revision;
      onConflict(latest, [...new Set(unsaved)]);
    },
    [draft.id, onConflict],
  );

  const flush = useCallback(async () => {
    if (pending.current.size === 0) return;
    const batch = [...pending.current];
    pending.current.clear();
    setState('saving');
    try {
      const { draft: saved } = await saveDraft(draft.id, revision.current, batch.map(([key, change]) => ({ key, ...change })));
      revision.current = saved.revision;
      setError(null);
      setState('saved');
      onSaved(saved);
    } catch (reason) {
      const problem = asApiError(reason);
      setState('idle');
      if (problem.code !== 'version_conflict') return setError(problem);
      try {
        await reloadAfterConflict(batch);
        setError(null);
      } catch (failed) {
        setError(asApiError(failed));
      }
    }
  }, [draft.id, onSaved, reloadAfterConflict]);

  const change = useCallback(
    (key: string, value: Change) => {
      pending.current.set(key, { ...pending.current.get(key), ...value });
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => () => clearTimeout(timer.current), []);
  return { change, flush, state, error };
}
