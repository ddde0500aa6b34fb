import { svNumber } from '../contracts/sv-number';
import { seededRandom } from '../../evals/metrics/bootstrap';
import type { AppDeps } from '../deps';
import { insertBundle, syntheticBatches, type SyntheticClinician } from '../modules/followup/synthetic';
import { DEMO_CARE_UNITS } from './organisation';

/**
 * The demo workspace's invented pilot: several months of AI-supported and
 * comparison notes (without AI) by invented clinicians of every profession,
 * with ratings at signing, timing events and before/after surveys, so a
 * project lead sees every chart of the follow-up on first start. Everything
 * is labelled as invented ("Påhittad …", "Syntetisk anteckning.") and is
 * recognisable by its ids (encounters "pilot-…", users "pilot.…"), which is
 * how an administrator removes it in one step. A Setting row records that
 * the pilot is present and what it holds.
 */
export const PILOT_SETTING = 'demo.pilot';
const ENCOUNTER_PREFIX = 'pilot-';
const USER_PREFIX = 'pilot.';
const MONTHS = 5;

/** Invented clinicians per profession: more in the large groups, at least five everywhere so nothing is suppressed. */
const CLINICIANS: Record<string, number> = { lakare: 14, sjukskoterska: 12, fysioterapeut: 8, telefonradgivning: 8, arbetsterapeut: 6, 'psykolog-kurator': 6 };
const NOTES_PER_CLINICIAN = 12;

export interface PilotInfo {
  from: string;
  to: string;
  clinicians: number;
  notes: number;
  surveys: number;
  createdAt: string;
}

export async function demoPilotInfo(deps: AppDeps): Promise<PilotInfo | null> {
  const row = await deps.db.prisma.setting.findUnique({ where: { key: PILOT_SETTING } });
  return row ? (row.value as unknown as PilotInfo) : null;
}

/**
 * The warning a report carries while the invented pilot is in the database: a
 * downloaded file leaves the dashboard's banner behind, and invented figures
 * must never be forwarded as a real pilot's.
 */
export function demoPilotWarningSv(p: PilotInfo): string {
  return (
    `Obs! Databasen innehåller en påhittad demopilot (${svNumber(p.notes, 0)} syntetiska anteckningar av ${p.clinicians} påhittade kliniker ${p.from} – ${p.to}). ` +
    'Siffror för perioden bygger helt eller delvis på påhittade data och får inte redovisas som verkliga resultat. En administratör tar bort demopiloten under Administration › Demodata.'
  );
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoPilot(deps: AppDeps, now = new Date()): Promise<PilotInfo> {
  const db = deps.db.prisma;
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS + 1, 1));
  const professions = await db.profession.findMany({ where: { code: { in: Object.keys(CLINICIANS) } }, orderBy: { code: 'asc' } });
  const units = await db.careUnit.findMany({ where: { code: { in: DEMO_CARE_UNITS.map((u) => u.code) } }, orderBy: { code: 'asc' } });
  const versions = await db.workflowVersion.findMany({ select: { id: true, workflow: { select: { professionId: true } } }, orderBy: { createdAt: 'asc' } });
  const random = seededRandom(2026);
  let notes = 0;
  let surveys = 0;
  let clinicianCount = 0;
  for (const [p, profession] of professions.entries()) {
    const versionIds = versions.filter((v) => v.workflow.professionId === profession.id).map((v) => v.id);
    if (versionIds.length === 0) continue;
    const clinicians: SyntheticClinician[] = [];
    for (let n = 1; n <= CLINICIANS[profession.code]!; n++) {
      const user = await db.user.create({
        data: {
          username: `${USER_PREFIX}${profession.code}.${n}`,
          displayName: `Påhittad ${profession.name.toLowerCase()} ${n} (demopilot)`,
          professionId: profession.id,
          careUnitId: units[(n + p) % units.length]?.id ?? null,
          roles: { create: [{ role: 'clinician' }] },
        },
      });
      clinicians.push({ userId: user.id, professionId: profession.id, careUnitId: user.careUnitId, versionIds });
      // Surveys: burnout (Mini-Z 1–5) a little lower after the pilot, load items a little lower; invented.
      const before = Math.min(5, Math.max(1, Math.round(2.6 + random() * 1.6)));
      const after = Math.min(5, Math.max(1, before - (random() < 0.45 ? 1 : 0)));
      const load = (base: number) => Math.min(100, Math.max(0, Math.round(base + (random() - 0.5) * 40)));
      await db.surveyResponse.createMany({
        data: [
          { userId: user.id, phase: 'before', answers: { burnout: before, mentalDemand: load(65), temporalDemand: load(75), effort: load(60), frustration: load(45) }, createdAt: from },
          { userId: user.id, phase: 'after', answers: { burnout: after, mentalDemand: load(50), temporalDemand: load(60), effort: load(48), frustration: load(35) }, createdAt: now },
        ],
      });
      surveys += 2;
    }
    clinicianCount += clinicians.length;
    const spec = { clinicians, notes: clinicians.length * NOTES_PER_CLINICIAN, baselineShare: 0.3, from, to: now, seed: 100 + p, prefix: `${ENCOUNTER_PREFIX}${p}-` };
    for (const batch of syntheticBatches(spec, 1000)) {
      for (const e of batch.encounters) e.label = e.label.replace('Syntetiskt besök', 'Påhittat pilotbesök');
      await insertBundle(deps, batch);
      notes += batch.signedNotes.length;
    }
  }
  const info: PilotInfo = { from: dayOf(from), to: dayOf(now), clinicians: clinicianCount, notes, surveys, createdAt: now.toISOString() };
  await db.setting.upsert({ where: { key: PILOT_SETTING }, create: { key: PILOT_SETTING, value: { ...info } }, update: { value: { ...info } } });
  return info;
}

/**
 * Removes everything the pilot wrote: its encounters (drafts, signed notes
 * and follow-up facts go with them), their timing events, the invented
 * clinicians with their surveys and memberships, and the marker.
 */
export async function removeDemoPilot(deps: AppDeps): Promise<{ notes: number; clinicians: number }> {
  const db = deps.db.prisma;
  const users = await db.user.findMany({ where: { username: { startsWith: USER_PREFIX } }, select: { id: true } });
  const userIds = users.map((u) => u.id);
  return db.$transaction(async (tx) => {
    await tx.timeEvent.deleteMany({ where: { encounterId: { startsWith: ENCOUNTER_PREFIX } } });
    const notes = await tx.signedNote.count({ where: { encounterId: { startsWith: ENCOUNTER_PREFIX }, version: 1 } });
    await tx.encounter.deleteMany({ where: { id: { startsWith: ENCOUNTER_PREFIX } } });
    await tx.surveyResponse.deleteMany({ where: { userId: { in: userIds } } });
    await tx.user.deleteMany({ where: { id: { in: userIds } } });
    await tx.setting.deleteMany({ where: { key: PILOT_SETTING } });
    return { notes, clinicians: userIds.length };
  });
}
