import type { AppDeps } from '../../deps';
import { notFound } from '../../errors';
import type { Guard, GuardKind } from '../../http/route';
import { ownEncounter } from './service';

/**
 * Guards for encounter data, declared in the route table (`guard:
 * ownedDraft()`): only the clinician who created the encounter reaches it or
 * any row of it. A missing row is 404; another clinician's is 403.
 */
type Db = AppDeps['db']['prisma'];
type EncounterRow = Awaited<ReturnType<typeof ownEncounter>>;

export const ownedEncounter = (param = 'id'): Guard<EncounterRow> => ({
  kind: 'encounter',
  rule: 'owner',
  param,
  load: async (ctx, id) => {
    const encounter = await ownEncounter(ctx.deps, ctx.user, id);
    ctx.auditEncounterId = encounter.id; // loaded already: the access log needs no second lookup
    return encounter;
  },
});

/** A row that belongs to an encounter: found by id, then its encounter checked; the audit row names that encounter even when refused. */
function encounterRow<R extends { encounterId: string }>(kind: GuardKind, what: string, find: (db: Db, id: string) => Promise<R | null>) {
  return (param = 'id'): Guard<R> => ({
    kind,
    rule: 'owner',
    param,
    load: async (ctx, id) => {
      const row = await find(ctx.deps.db.prisma, id);
      if (!row) throw notFound(what);
      ctx.auditEncounterId = row.encounterId;
      await ownEncounter(ctx.deps, ctx.user, row.encounterId);
      return row;
    },
  });
}

const findRecording = (db: Db, id: string) => db.recording.findUnique({ where: { id } });
const findDraft = (db: Db, id: string) => db.draft.findUnique({ where: { id } });
const findNote = (db: Db, id: string) => db.signedNote.findUnique({ where: { id } });
/** a deleted transcript is gone for its owner too */
const findTranscript = (db: Db, id: string) => db.transcript.findFirst({ where: { id, deletedAt: null } });

export type RecordingRow = NonNullable<Awaited<ReturnType<typeof findRecording>>>;

export const ownedRecording = encounterRow('recording', 'Inspelningen', findRecording);
export const ownedDraft = encounterRow('draft', 'Utkastet', findDraft);
export const ownedNote = encounterRow('note', 'Anteckningen', findNote);
export const ownedTranscript = encounterRow('transcript', 'Transkriptet', findTranscript);
