import { useCallback, useEffect, useRef } from 'react';
import { sendTimeEvents, type TimeEvent } from './api';

/** Typing or selecting keeps the clock running this long; then the user is reading or away. */
const IDLE_AFTER_MS = 5_000;
const TICK_MS = 1_000;
const SEND_EVERY_MS = 15_000;

/**
 * Active editing time: counted only while the page is visible and the user
 * typed or selected within the last few seconds, sent in batches to the
 * time-events endpoint (durations only, never text). Also reports when the
 * review opened and the first edit. `flush` sends what is counted so far:
 * signing calls it first, since only editing before the signature counts.
 */
export function useActiveEditing(encounterId: string, draftId: string | null) {
  const lastInput = useRef(0);
  const activeMs = useRef(0);
  const queue = useRef<TimeEvent[]>([]);
  const firstEdit = useRef(false);

  const send = useCallback(async (): Promise<void> => {
    const events = queue.current.splice(0);
    if (activeMs.current > 0 && draftId) {
      events.push({ kind: 'active_editing', at: new Date().toISOString(), valueMs: Math.round(activeMs.current), draftId });
      activeMs.current = 0;
    }
    // Timing is best effort: a lost batch must never stop the clinician's work.
    if (events.length > 0) await sendTimeEvents(encounterId, events).catch(() => undefined);
  }, [encounterId, draftId]);

  useEffect(() => {
    if (!draftId) return;
    // Sent at once: a review that is closed within the first batch interval still counts as opened (the server keeps the first per draft).
    queue.current.push({ kind: 'review_opened', at: new Date().toISOString(), draftId });
    void send();
    const tick = setInterval(() => {
      if (document.visibilityState === 'visible' && Date.now() - lastInput.current < IDLE_AFTER_MS) activeMs.current += TICK_MS;
    }, TICK_MS);
    const flush = setInterval(() => void send(), SEND_EVERY_MS);
    const hide = () => document.visibilityState === 'hidden' && void send();
    document.addEventListener('visibilitychange', hide);
    return () => {
      clearInterval(tick);
      clearInterval(flush);
      document.removeEventListener('visibilitychange', hide);
      void send();
    };
  }, [draftId, send]);

  /** Call on every keystroke or selection in the draft. */
  const touched = useCallback(() => {
    lastInput.current = Date.now();
    if (!firstEdit.current && draftId) {
      firstEdit.current = true;
      queue.current.push({ kind: 'first_edit', at: new Date().toISOString(), draftId });
    }
  }, [draftId]);
  return { touched, flush: send };
}
