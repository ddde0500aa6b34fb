import type { AppDeps } from '../../deps';
import { conflict } from '../../errors';
import type { RecordingRow } from '../encounters/guards';

/** A recording is encounter data: its routes declare `guard: ownedRecording()` (only the encounter's clinician reaches it). */
export type { RecordingRow };

const encounterSigned = () => conflict('Anteckningen för besöket är signerad, så inget nytt ljud tas emot. Rätta anteckningen i stället, eller skapa ett nytt besök.', 'encounter_signed');

/** Audio is kept only until the note is signed: after that, none is taken in. */
export async function refuseIfSigned(deps: AppDeps, encounterId: string): Promise<void> {
  if ((await deps.db.prisma.signedNote.count({ where: { encounterId } })) > 0) throw encounterSigned();
}

/** Recording needs the patient's consent first (the encounter's consent step), and an encounter not yet signed. */
export async function requireConsent(deps: AppDeps, encounter: { id: string; consentAt: Date | null }): Promise<void> {
  if (!encounter.consentAt) {
    throw conflict('Patientens samtycke till inspelning måste registreras innan du spelar in eller laddar upp ljud.', 'consent_required');
  }
  await refuseIfSigned(deps, encounter.id);
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
