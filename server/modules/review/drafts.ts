import { z } from 'zod';
import { NoteSectionSchema, type NoteSection } from '../../contracts/note';
import type { AppDeps } from '../../deps';
import { conflict, notFound } from '../../errors';

/**
 * Draft rows: sections as NoteSection[] JSON, a revision for optimistic
 * concurrency, and a status utkast → redigerad → signerad. Every change goes
 * through `changeSections`, a compare-and-set on the revision, so autosave,
 * flag resolution and section regeneration never overwrite each other.
 */
export const DraftSectionsSchema = z.array(NoteSectionSchema);
export type DraftStatus = 'utkast' | 'redigerad' | 'signerad';

type DraftRow = NonNullable<Awaited<ReturnType<AppDeps['db']['prisma']['draft']['findUnique']>>>;

export function sectionsOf(row: { sections: unknown }): NoteSection[] {
  return DraftSectionsSchema.parse(row.sections);
}

export function presentDraft(row: DraftRow) {
  return {
    id: row.id,
    encounterId: row.encounterId,
    transcriptId: row.transcriptId,
    workflowVersionId: row.workflowVersionId,
    transcriberId: row.transcriberId,
    drafterId: row.drafterId,
    modelId: row.modelId,
    status: row.status,
    revision: row.revision,
    sections: sectionsOf(row),
    timings: row.timings,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const draftSigned = () => conflict('Utkastet är signerat och kan inte ändras. Gör en rättelse av den signerade anteckningen i stället.', 'draft_signed');

export const staleRevision = (current: number) =>
  conflict(`Utkastet har ändrats sedan du läste det (aktuell revision ${current}). Ladda om och gör ändringen igen.`, 'version_conflict');

export interface SectionChange {
  sections: NoteSection[];
  status?: DraftStatus;
}

/**
 * Compare-and-set on the revision. With `expectedRevision` (autosave) a stale
 * revision is a 409; without it (server-side changes that touch only their
 * own part) the change is re-applied to the fresh row, a few times at most.
 */
export async function changeSections(
  deps: AppDeps,
  draftId: string,
  change: (sections: NoteSection[], row: DraftRow) => SectionChange,
  expectedRevision?: number,
): Promise<DraftRow> {
  const db = deps.db.prisma;
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await db.draft.findUnique({ where: { id: draftId } });
    if (!row) throw notFound('Utkastet');
    if (row.status === 'signerad') throw draftSigned();
    if (expectedRevision !== undefined && row.revision !== expectedRevision) throw staleRevision(row.revision);
    const next = change(sectionsOf(row), row);
    const updated = await db.draft.updateMany({
      where: { id: draftId, revision: row.revision, status: { not: 'signerad' } },
      data: { sections: next.sections, revision: row.revision + 1, ...(next.status ? { status: next.status } : {}) },
    });
    if (updated.count === 1) return (await db.draft.findUnique({ where: { id: draftId } }))!;
    if (expectedRevision !== undefined) {
      const fresh = await db.draft.findUnique({ where: { id: draftId } });
      if (fresh?.status === 'signerad') throw draftSigned();
      throw staleRevision(fresh?.revision ?? row.revision + 1);
    }
  }
  throw conflict('Utkastet ändrades samtidigt från flera håll. Försök igen.', 'version_conflict');
}
