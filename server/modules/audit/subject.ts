import type { AppDeps } from '../../deps';
import type { AuditSubject } from '../../http/route';

/**
 * Which encounter an access-log row names. Only ids of encounters that
 * exist are stored as encounter ids: text sent in a URL that is not an id
 * (a personnummer typed into the path, say) never lands in the log as one.
 */
const ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;

const lookups: Record<AuditSubject, (deps: AppDeps, id: string) => Promise<{ encounterId: string } | null>> = {
  recording: (deps, id) => deps.db.prisma.recording.findUnique({ where: { id }, select: { encounterId: true } }),
  draft: (deps, id) => deps.db.prisma.draft.findUnique({ where: { id }, select: { encounterId: true } }),
  note: (deps, id) => deps.db.prisma.signedNote.findUnique({ where: { id }, select: { encounterId: true } }),
  transcript: (deps, id) => deps.db.prisma.transcript.findUnique({ where: { id }, select: { encounterId: true } }),
};

/** The encounter of a subject row named by the route's :id (null when there is none). */
export async function encounterOfSubject(deps: AppDeps, subject: AuditSubject, id: unknown): Promise<string | null> {
  if (typeof id !== 'string' || !ID_SHAPE.test(id)) return null;
  return (await lookups[subject](deps, id))?.encounterId ?? null;
}

/** `candidate` if it is the id of an existing encounter, else null. */
export async function existingEncounterId(deps: AppDeps, candidate: unknown): Promise<string | null> {
  if (typeof candidate !== 'string' || !ID_SHAPE.test(candidate)) return null;
  const row = await deps.db.prisma.encounter.findUnique({ where: { id: candidate }, select: { id: true } });
  return row?.id ?? null;
}
