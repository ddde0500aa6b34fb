import type { AppDeps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import type { SessionUser } from '../../http/route';

/**
 * Encounter data is patient data: only the clinician who created the
 * encounter may read or change it. Every attempt, allowed or denied, is in
 * the access log (the routes declare it).
 */
export async function ownEncounter(deps: AppDeps, user: SessionUser, id: string) {
  const encounter = await deps.db.prisma.encounter.findUnique({ where: { id } });
  if (!encounter) throw notFound('Besöket');
  if (encounter.createdById !== user.id) throw forbidden('Besöket tillhör en annan användare.');
  return encounter;
}

export function presentEncounter(e: {
  id: string;
  label: string;
  mode: string;
  status: string;
  professionId: string | null;
  careUnitId: string | null;
  workflowVersionId: string | null;
  consentAt: Date | null;
  consultationEndedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}) {
  return {
    id: e.id,
    label: e.label,
    mode: e.mode,
    status: e.status,
    professionId: e.professionId,
    careUnitId: e.careUnitId,
    workflowVersionId: e.workflowVersionId,
    consentAt: e.consentAt,
    consultationEndedAt: e.consultationEndedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
