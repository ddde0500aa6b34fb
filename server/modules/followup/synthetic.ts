import { seededRandom } from '../../../evals/metrics/bootstrap';
import type { AppDeps } from '../../deps';

/**
 * Clearly synthetic follow-up rows for tests, the benchmark and demos:
 * encounters, drafts with flagged sentences, first signatures with ratings,
 * tags and edit stats, and the timing events of each note. No text beyond
 * placeholder sentences ("Syntetisk mening 3."). Deterministic for a seed.
 */
export interface SyntheticClinician {
  userId: string;
  professionId: string;
  careUnitId: string | null;
  /** AI notes use one of these versions; baseline notes carry the first */
  versionIds: string[];
}

export interface SyntheticSpec {
  clinicians: SyntheticClinician[];
  notes: number;
  /** share of notes documented in baseline mode (no AI) */
  baselineShare: number;
  from: Date;
  to: Date;
  seed: number;
  /** id prefix, so several batches can coexist */
  prefix?: string;
}

export interface SyntheticBundle {
  encounters: {
    id: string;
    label: string;
    mode: string;
    status: string;
    createdById: string;
    careUnitId: string | null;
    professionId: string;
    workflowVersionId: string;
    createdAt: Date;
  }[];
  drafts: { id: string; encounterId: string; workflowVersionId: string; drafterId: string; status: string; sections: unknown; createdAt: Date }[];
  signedNotes: {
    id: string;
    encounterId: string;
    draftId: string | null;
    version: number;
    text: string;
    sections: unknown;
    signedById: string;
    signedAt: Date;
    rating: number | null;
    wrongTags: string[];
    editStats: unknown;
  }[];
  timeEvents: {
    id: string;
    encounterId: string;
    draftId: string | null;
    userId: string;
    professionId: string;
    careUnitId: string | null;
    kind: string;
    at: Date;
    valueMs: number | null;
  }[];
}

const TAGS = ['missing', 'invented', 'speaker', 'terminology', 'style'];

/** Log-normal minutes: editing times are skewed, as in real follow-ups. */
function logNormal(random: () => number, medianMin: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return medianMin * Math.exp(sigma * z);
}

/** Notes in batches of `batch`, so a million events never sit in memory at once. */
export function* syntheticBatches(spec: SyntheticSpec, batch = 2000): Generator<SyntheticBundle> {
  const random = seededRandom(spec.seed);
  const prefix = spec.prefix ?? 'syn';
  const span = spec.to.getTime() - spec.from.getTime();
  let eventNo = 0;
  for (let start = 0; start < spec.notes; start += batch) {
    const b: SyntheticBundle = { encounters: [], drafts: [], signedNotes: [], timeEvents: [] };
    for (let i = start; i < Math.min(spec.notes, start + batch); i++) {
      const c = spec.clinicians[i % spec.clinicians.length]!;
      const baseline = random() < spec.baselineShare;
      const versionId = c.versionIds[baseline ? 0 : Math.floor(random() * c.versionIds.length)]!;
      const id = `${prefix}${i.toString(36)}`;
      const consultationEnd = new Date(spec.from.getTime() + Math.floor(random() * (span - 3_600_000)));
      const activeMin = baseline ? logNormal(random, 7, 0.5) : logNormal(random, 3, 0.6);
      const waitMin = logNormal(random, baseline ? 4 : 6, 0.7);
      const pieces = baseline ? 6 : 3;
      const signedAt = new Date(consultationEnd.getTime() + Math.round((activeMin + waitMin) * 60_000));
      const ev = (kind: string, at: Date, valueMs: number | null = null) =>
        b.timeEvents.push({ id: `${prefix}e${(eventNo++).toString(36)}`, encounterId: id, draftId: baseline ? null : `${id}d`, userId: c.userId, professionId: c.professionId, careUnitId: c.careUnitId, kind, at, valueMs });
      const at = (min: number) => new Date(consultationEnd.getTime() + Math.round(min * 60_000));

      b.encounters.push({ id, label: `Syntetiskt besök ${i + 1}`, mode: baseline ? 'baseline' : 'ai', status: 'signed', createdById: c.userId, careUnitId: c.careUnitId, professionId: c.professionId, workflowVersionId: versionId, createdAt: at(-20) });
      let sentences = 0;
      if (!baseline) {
        sentences = 6 + Math.floor(random() * 10);
        const flagged = Math.floor(random() * 3);
        const sectionSentences = Array.from({ length: sentences }, (_, s) => ({
          id: `s${s + 1}`,
          text: `Syntetisk mening ${s + 1}.`,
          evidence: [],
          flags:
            s < flagged
              ? [{ id: `f${s + 1}`, kind: 'number', span: `${s + 1}`, start: 0, end: 1, evidence: null, severity: random() < 0.3 ? 'critical' : 'warning', resolution: { action: random() < 0.6 ? 'fixed' : 'dismissed', reason: 'Syntetisk motivering', at: signedAt.toISOString() } }]
              : [],
        }));
        b.drafts.push({ id: `${id}d`, encounterId: id, workflowVersionId: versionId, drafterId: 'synthetic', status: 'signerad', sections: [{ key: 'anteckning', heading: 'Anteckning', sentences: sectionSentences, editedText: null, accepted: true }], createdAt: at(waitMin / 2) });
      }
      const draftChars = sentences * 20;
      b.signedNotes.push({
        id: `${id}n`,
        encounterId: id,
        draftId: baseline ? null : `${id}d`,
        version: 1,
        text: 'Syntetisk anteckning.',
        sections: [{ heading: 'Anteckning', text: 'Syntetisk anteckning.' }],
        signedById: c.userId,
        signedAt,
        rating: baseline || random() < 0.2 ? null : 1 + Math.min(4, Math.floor(random() * 3 + random() * 3)),
        wrongTags: baseline ? [] : TAGS.filter(() => random() < 0.1),
        editStats: baseline ? null : [{ key: 'anteckning', distance: Math.floor(random() * draftChars * 0.5), normalized: 0, draftChars, signedChars: draftChars }],
      });

      if (!baseline) {
        ev('recording_started', at(-15));
        ev('recording_stopped', at(-0.2));
      }
      ev('consultation_ended', at(0));
      if (!baseline) ev('draft_ready', at(waitMin / 2));
      ev('review_opened', at(waitMin * 0.9));
      ev('first_edit', at(waitMin));
      const slice = (activeMin * 60_000) / pieces;
      for (let p = 0; p < pieces; p++) ev('active_editing', at(waitMin + ((p + 1) * activeMin) / pieces), Math.round(slice));
      ev('signed', signedAt);
    }
    yield b;
  }
}

/** Writes a bundle with Prisma (both databases); the benchmark has a faster COPY path for PostgreSQL. */
export async function insertBundle(deps: AppDeps, b: SyntheticBundle): Promise<void> {
  const db = deps.db.prisma;
  const chunk = <T>(rows: T[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
  await db.encounter.createMany({ data: b.encounters });
  for (const rows of chunk(b.drafts, 1000)) await db.draft.createMany({ data: rows as never });
  for (const rows of chunk(b.signedNotes, 1000)) await db.signedNote.createMany({ data: rows as never });
  for (const rows of chunk(b.timeEvents, 5000)) await db.timeEvent.createMany({ data: rows });
}

/** The demo workspace's clinicians and their profession's workflow versions, ready for the generator. */
export async function demoClinicians(deps: AppDeps): Promise<SyntheticClinician[]> {
  const db = deps.db.prisma;
  const users = await db.user.findMany({ where: { roles: { some: { role: 'clinician' } }, professionId: { not: null } }, orderBy: { username: 'asc' } });
  const versions = await db.workflowVersion.findMany({ select: { id: true, workflow: { select: { professionId: true } } }, orderBy: { createdAt: 'asc' } });
  return users.map((u) => ({
    userId: u.id,
    professionId: u.professionId!,
    careUnitId: u.careUnitId,
    versionIds: versions.filter((v) => v.workflow.professionId === u.professionId).map((v) => v.id),
  })).filter((c) => c.versionIds.length > 0);
}
