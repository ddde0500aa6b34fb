import { z } from 'zod';
import { editDistance } from '../../../evals/metrics/edit-distance';
import type { AppDeps } from '../../deps';
import { AppError, conflict, notFound } from '../../errors';
import type { SessionUser } from '../../http/route';
import { timeEventData, timingTotals } from '../timing/service';
import { sectionsOf } from './drafts';
import { cosmicText, draftedText, finalText, SignedSectionsSchema, type SignedSection } from './note-text';
import { purgeEncounterAudio } from '../recordings/retention';

/**
 * Signing and amending. A SignedNote row is never changed: signing writes
 * version 1 (or the next version, if the encounter already has notes), an
 * amendment writes a new version that points at the one it amends. Both
 * carry their own author and time, as Patientdatalagen asks of a signed note.
 */
export const WrongTagSchema = z.enum(['missing', 'invented', 'speaker', 'terminology', 'style']);
export const SignFeedbackSchema = z.object({
  rating: z.number().int().min(1).max(5).optional(),
  wrongTags: z.array(WrongTagSchema).max(5).optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type SignFeedback = z.infer<typeof SignFeedbackSchema>;

type NoteRow = NonNullable<Awaited<ReturnType<AppDeps['db']['prisma']['signedNote']['findUnique']>>>;
type DraftRow = NonNullable<Awaited<ReturnType<AppDeps['db']['prisma']['draft']['findUnique']>>>;

export async function presentNote(deps: AppDeps, row: NoteRow) {
  const signer = await deps.db.prisma.user.findUnique({ where: { id: row.signedById }, select: { id: true, displayName: true } });
  return {
    id: row.id,
    encounterId: row.encounterId,
    draftId: row.draftId,
    version: row.version,
    text: row.text,
    sections: SignedSectionsSchema.parse(row.sections),
    signedBy: signer ?? { id: row.signedById, displayName: '' },
    signedAt: row.signedAt,
    amendsId: row.amendsId,
    rating: row.rating,
    wrongTags: row.wrongTags,
    comment: row.comment,
    editStats: row.editStats,
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';
const concurrentSign = () => conflict('Anteckningen signerades samtidigt från ett annat fönster. Ladda om sidan.', 'already_signed');

/** An empty note is never signed: it would enter the EHR blank and count as a (very fast) note in the follow-up's timing. */
function refuseEmpty(sections: { text: string }[]) {
  if (sections.some((s) => s.text.trim() !== '')) return;
  throw new AppError(422, 'empty_note', 'Anteckningen är tom', 'Skriv text under minst en rubrik innan du signerar.', [
    { field: 'sections', message: 'Alla rubriker är tomma' },
  ]);
}

export async function signDraft(deps: AppDeps, user: SessionUser, draft: DraftRow, feedback: SignFeedback) {
  const sections = sectionsOf(draft);
  // Only critical flags (the draft contradicts the consultation) block signing; "Kontrollera" flags and hints need nothing.
  const unresolved = sections.flatMap((s) => s.sentences.flatMap((x) => x.flags.filter((f) => f.severity === 'critical' && f.resolution === null).map((f) => f.id)));
  if (unresolved.length > 0) {
    throw new AppError(
      409,
      'unresolved_flags',
      'Kritiska flaggor återstår',
      `${unresolved.length} ${unresolved.length === 1 ? 'kritisk flagga är' : 'kritiska flaggor är'} inte hanterade. Rätta texten eller avfärda flaggan med en motivering innan du signerar.`,
      unresolved.map((id) => ({ field: `flags.${id}`, message: 'Inte hanterad' })),
    );
  }
  const signed: SignedSection[] = sections.map((s) => ({ key: s.key, heading: s.heading, text: finalText(s) }));
  refuseEmpty(signed);
  // Characters changed per section between draft and signature: counts only, no text.
  const editStats = sections.map((s, i) => {
    const d = editDistance(draftedText(s), signed[i]!.text);
    return { key: s.key, distance: d.distance, normalized: Number(d.normalized.toFixed(4)), draftChars: d.lengthA, signedChars: d.lengthB };
  });
  const db = deps.db.prisma;
  const signedAt = new Date();
  const encounter = await db.encounter.findUniqueOrThrow({ where: { id: draft.encounterId }, select: { professionId: true, careUnitId: true } });
  let note: NoteRow;
  try {
    note = await db.$transaction(async (tx) => {
      const locked = await tx.draft.updateMany({ where: { id: draft.id, status: { not: 'signerad' } }, data: { status: 'signerad' } });
      if (locked.count !== 1) throw concurrentSign();
      const latest = await tx.signedNote.findFirst({ where: { encounterId: draft.encounterId }, orderBy: { version: 'desc' }, select: { version: true } });
      const created = await tx.signedNote.create({
        data: {
          encounterId: draft.encounterId,
          draftId: draft.id,
          version: (latest?.version ?? 0) + 1,
          text: cosmicText(signed),
          sections: signed,
          signedById: user.id,
          signedAt,
          rating: feedback.rating ?? null,
          wrongTags: feedback.wrongTags ?? [],
          comment: feedback.comment || null,
          editStats,
        },
      });
      const owner = { userId: user.id, professionId: encounter.professionId, careUnitId: encounter.careUnitId };
      await tx.timeEvent.create({ data: timeEventData(owner, { kind: 'signed', at: signedAt, encounterId: draft.encounterId, draftId: draft.id, meta: { version: created.version } }) });
      await tx.encounter.update({ where: { id: draft.encounterId }, data: { status: 'signed' } });
      return created;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? concurrentSign() : error;
  }
  // Data minimisation: the recording is no longer needed once the note is signed.
  await purgeEncounterAudio(deps, draft.encounterId, 'signed');
  const timing = await timingTotals(deps, draft.encounterId, draft.id, signedAt);
  return { note: await presentNote(deps, note), timing };
}

export const AmendBodySchema = z.object({
  sections: z.array(z.object({ heading: z.string().trim().min(1).max(80), text: z.string().max(20_000) })).min(1).max(20),
  reason: z.string().trim().min(1).max(1000),
});

/** A new version with its own signature; only the latest version can be amended, so versions form a line. */
export async function amendNote(deps: AppDeps, user: SessionUser, encounterId: string, version: number, body: z.infer<typeof AmendBodySchema>) {
  const db = deps.db.prisma;
  const base = await db.signedNote.findUnique({ where: { encounterId_version: { encounterId, version } } });
  if (!base) throw notFound(`Version ${version} av anteckningen`);
  const previous = SignedSectionsSchema.parse(base.sections);
  const sections: SignedSection[] = body.sections.map((s) => ({
    key: previous.find((p) => p.heading.toLowerCase() === s.heading.toLowerCase())?.key ?? null,
    heading: s.heading,
    text: s.text.trim(),
  }));
  refuseEmpty(sections);
  try {
    const created = await db.$transaction(async (tx) => {
      const latest = await tx.signedNote.findFirst({ where: { encounterId }, orderBy: { version: 'desc' }, select: { version: true } });
      if (latest && latest.version !== version) {
        throw conflict(`Version ${version} är inte den senaste (senaste är ${latest.version}). Rätta den senaste versionen.`, 'not_latest');
      }
      return tx.signedNote.create({
        data: {
          encounterId,
          draftId: base.draftId,
          version: version + 1,
          text: cosmicText(sections),
          sections,
          signedById: user.id,
          amendsId: base.id,
          // For an amendment the comment is the reason for it.
          comment: body.reason,
        },
      });
    });
    return presentNote(deps, created);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('En annan rättelse sparades samtidigt. Ladda om och försök igen.', 'not_latest');
    throw error;
  }
}
