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

export async function timingTotals(deps: AppDeps, encounterId: string, draftId: string | null, signedAt: Date): Promise<TimingTotals> {
  const db = deps.db.prisma;
  const active = await db.timeEvent.aggregate({
    where: { encounterId, kind: 'active_editing', ...(draftId ? { OR: [{ draftId }, { draftId: null }] } : {}) },
    _sum: { valueMs: true },
  });
  const encounter = await db.encounter.findUnique({ where: { id: encounterId }, select: { consultationEndedAt: true } });
  const ended = await db.timeEvent.findFirst({ where: { encounterId, kind: 'consultation_ended' }, orderBy: { at: 'desc' } });
  const stopped = await db.timeEvent.findFirst({ where: { encounterId, kind: 'recording_stopped' }, orderBy: { at: 'desc' } });
  const endAt = ended?.at ?? encounter?.consultationEndedAt ?? null;
  const start = endAt ?? stopped?.at ?? null;
  return {
    activeEditingMs: active._sum.valueMs ?? 0,
    totalMs: start ? Math.max(0, signedAt.getTime() - start.getTime()) : null,
    from: endAt ? 'consultation_ended' : stopped ? 'recording_stopped' : null,
  };
}
