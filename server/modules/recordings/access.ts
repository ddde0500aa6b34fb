import type { AppDeps } from '../../deps';
import { conflict, notFound } from '../../errors';
import type { RouteContext, SessionUser } from '../../http/route';
import { ownEncounter } from '../encounters/service';

/**
 * A recording is encounter data: readable and writable only by the clinician
 * who created the encounter. The audit row names the encounter even when the
 * access is denied.
 */
export async function ownRecording(ctx: RouteContext<unknown, unknown, unknown>, user: SessionUser, id: string) {
  const recording = await ctx.deps.db.prisma.recording.findUnique({ where: { id } });
  if (!recording) throw notFound('Inspelningen');
  ctx.auditEncounterId = recording.encounterId;
  await ownEncounter(ctx.deps, user, recording.encounterId);
  return recording;
}

export type RecordingRow = Awaited<ReturnType<typeof ownRecording>>;

const encounterSigned = () => conflict('Anteckningen för besöket är signerad, så inget nytt ljud tas emot. Rätta anteckningen i stället, eller skapa ett nytt besök.', 'encounter_signed');

/** Audio is kept only until the note is signed: after that, none is taken in. */
export async function refuseIfSigned(deps: AppDeps, encounterId: string): Promise<void> {
  if ((await deps.db.prisma.signedNote.count({ where: { encounterId } })) > 0) throw encounterSigned();
}

/** Recording needs the patient's consent first (the encounter's consent step), and an encounter not yet signed. */
export async function encounterWithConsent(deps: AppDeps, user: SessionUser, encounterId: string) {
  const encounter = await ownEncounter(deps, user, encounterId);
  if (!encounter.consentAt) {
    throw conflict('Patientens samtycke till inspelning måste registreras innan du spelar in eller laddar upp ljud.', 'consent_required');
  }
  await refuseIfSigned(deps, encounter.id);
  return encounter;
}

export function presentRecording(r: RecordingRow) {
  return {
    id: r.id,
    encounterId: r.encounterId,
    status: r.status,
    source: r.source,
    sampleRate: r.sampleRate,
    channels: r.channels,
    originalFormat: r.originalFormat,
    durationSeconds: r.durationSeconds,
    sha256: r.sha256,
    jobId: r.jobId,
    deletedAt: r.deletedAt,
    createdAt: r.createdAt,
  };
}
