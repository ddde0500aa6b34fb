import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../api/problem';
import { saveDraft, type Draft } from './api';

const DEBOUNCE_MS = 800;
type Change = { editedText?: string | null; accepted?: boolean };

/**
 * Debounced autosave of section edits with the draft's revision: the server
 * answers 409 when the draft changed elsewhere, and the page then asks for
 * a reload instead of overwriting.
 */
export function useAutosave(draft: Draft, onSaved: (draft: Draft) => void) {
  const pending = useRef(new Map<string, Change>());
  const revision = useRef(draft.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'pending' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  revision.current = Math.max(revision.current, draft.revision);

  const flush = useCallback(async () => {
    if (pending.current.size === 0) return;
    const sections = [...pending.current].map(([key, change]) => ({ key, ...change }));
    pending.current.clear();
    setState('saving');
    try {
      const { draft: saved } = await saveDraft(draft.id, revision.current, sections);
      revision.current = saved.revision;
      setError(null);
      setState('saved');
      onSaved(saved);
    } catch (reason) {
      setError(asApiError(reason));
      setState('idle');
    }
  }, [draft.id, onSaved]);

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
