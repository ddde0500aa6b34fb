import { z } from 'zod';
import type { AppDeps } from '../../deps';

/**
 * Timing events: the raw material of "time saved". The client reports what
 * only it sees (review opened, first edit, active editing time, recording
 * start/stop, consultation end); the server records draft_ready and signed
 * itself. Rows hold kinds, times, durations and ids, never note text.
 */
export const ClientEventKindSchema = z.enum(['review_opened', 'first_edit', 'active_editing', 'recording_started', 'recording_stopped', 'consultation_ended']);
export type ClientEventKind = z.infer<typeof ClientEventKindSchema>;
export type ServerEventKind = 'draft_ready' | 'signed';

/** One active-editing report covers at most an hour; the client sends them in batches every few seconds. */
export const MAX_EVENT_MS = 3_600_000;

/** The first review and the first edit of a draft happen once: a reload or a second window must not add another. */
const ONCE_PER_DRAFT: ReadonlySet<string> = new Set<ClientEventKind>(['review_opened', 'first_edit']);

/** `events` without those that repeat a once-per-draft kind already stored (or earlier in the same batch). */
export async function dropRepeats<E extends { kind: ClientEventKind; draftId?: string }>(deps: AppDeps, encounterId: string, events: E[]): Promise<E[]> {
  const draftIds = [...new Set(events.flatMap((e) => (ONCE_PER_DRAFT.has(e.kind) && e.draftId ? [e.draftId] : [])))];
  if (draftIds.length === 0) return events;
  const stored = await deps.db.prisma.timeEvent.findMany({
    where: { encounterId, kind: { in: [...ONCE_PER_DRAFT] }, draftId: { in: draftIds } },
    select: { kind: true, draftId: true },
  });
  const seen = new Set(stored.map((r) => `${r.kind}:${r.draftId}`));
  return events.filter((e) => {
    if (!ONCE_PER_DRAFT.has(e.kind) || !e.draftId) return true;
    const key = `${e.kind}:${e.draftId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface EventOwner {
  userId: string;
  professionId: string | null;
  careUnitId: string | null;
}

export function timeEventData(
  owner: EventOwner,
  event: { kind: ClientEventKind | ServerEventKind; at: Date; encounterId: string; draftId?: string | null; valueMs?: number | null; meta?: Record<string, string | number | boolean> },
) {
  return {
    userId: owner.userId,
    professionId: owner.professionId,
    careUnitId: owner.careUnitId,
    encounterId: event.encounterId,
    draftId: event.draftId ?? null,
    kind: event.kind,
    at: event.at,
    valueMs: event.valueMs ?? null,
    ...(event.meta ? { meta: event.meta } : {}),
  };
}

export interface TimingTotals {
  /** sum of active_editing reports for the draft (or the encounter when no draft is given) */
  activeEditingMs: number;
  /** from the end of the consultation (stated, or recording stop) to the signature; null when unknown */
  totalMs: number | null;
  from: 'consultation_ended' | 'recording_stopped' | null;
}

/**
 * The start of "total time" follows the follow-up dashboard's definition
 * (followup/note-time.ts), so the figure shown at signing is the one the lead
 * later sees: the last stated consultation end before signing, else the last
 * recording stop. Only then the encounter's own `consultationEndedAt`, which
 * the server sets when a recording completes: it stands in for API clients
 * that report no events, and is later than the real stop by the upload time.
 */
export async function timingTotals(deps: AppDeps, encounterId: string, draftId: string | null, signedAt: Date): Promise<TimingTotals> {
  const db = deps.db.prisma;
  const active = await db.timeEvent.aggregate({
    where: { encounterId, kind: 'active_editing', ...(draftId ? { OR: [{ draftId }, { draftId: null }] } : {}) },
    _sum: { valueMs: true },
  });
  const last = (kind: ClientEventKind) => db.timeEvent.findFirst({ where: { encounterId, kind, at: { lte: signedAt } }, orderBy: { at: 'desc' } });
  const ended = await last('consultation_ended');
  const stopped = await last('recording_stopped');
  const encounter = await db.encounter.findUnique({ where: { id: encounterId }, select: { consultationEndedAt: true } });
  const fallback = encounter?.consultationEndedAt && encounter.consultationEndedAt <= signedAt ? encounter.consultationEndedAt : null;
  const start = ended?.at ?? stopped?.at ?? fallback;
  return {
    activeEditingMs: active._sum.valueMs ?? 0,
    totalMs: start ? signedAt.getTime() - start.getTime() : null,
    from: ended ? 'consultation_ended' : stopped ? 'recording_stopped' : fallback ? 'consultation_ended' : null,
  };
}
