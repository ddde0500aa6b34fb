/**
 * The definition of "time per note", in one place (README and the dashboard
 * quote it):
 * - signed: the earliest `signed` event; without one the note has no timing.
 * - active editing time = the sum of `active_editing` valueMs with at ≤ signed
 *   (0 when the clinician signed without editing).
 * - total time = signed − start, where start is the last `consultation_ended`
 *   before signing, else the last `recording_stopped`, else the first
 *   `review_opened`; null when none exists or start is after signed.
 * Events after the first signature belong to amendments and are not counted.
 */
export interface TimingEvent {
  kind: string;
  at: Date;
  valueMs: number | null;
}

export interface NoteTimes {
  activeMs: number | null;
  totalMs: number | null;
}

export function noteTimes(events: readonly TimingEvent[]): NoteTimes {
  let signed = Infinity;
  for (const e of events) if (e.kind === 'signed') signed = Math.min(signed, e.at.getTime());
  if (signed === Infinity) return { activeMs: null, totalMs: null };
  let active = 0;
  let ended = -Infinity;
  let stopped = -Infinity;
  let opened = Infinity;
  for (const e of events) {
    const t = e.at.getTime();
    if (t > signed) continue;
    if (e.kind === 'active_editing' && e.valueMs != null && e.valueMs > 0) active += e.valueMs;
    else if (e.kind === 'consultation_ended') ended = Math.max(ended, t);
    else if (e.kind === 'recording_stopped') stopped = Math.max(stopped, t);
    else if (e.kind === 'review_opened') opened = Math.min(opened, t);
  }
  const start = ended !== -Infinity ? ended : stopped !== -Infinity ? stopped : opened !== Infinity ? opened : null;
  return { activeMs: active, totalMs: start === null ? null : signed - start };
}
