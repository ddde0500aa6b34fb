import crypto from 'node:crypto';
import type { AppDeps } from '../../../deps';
import { factWhere, type Filters } from '../filters';
import { professionName, unitName, versionName, type Labels } from '../labels';
import { MIN_CLINICIANS } from '../../../../evals/metrics/time-saved';
import { MIN_GROUP } from '../stats';

/**
 * The report's anonymised event rows: one per signed note, a pseudonymous id,
 * no text, no names; notes of (profession, unit, mode) groups with fewer than
 * five notes or five clinicians left out. A region's year is a million rows,
 * so they are never all in memory: one grouped query first (which groups are
 * kept, how many are left out, each column's extremes for sizing the sheet), then the
 * rows in keyset-paginated batches while the workbook is written.
 */
export interface EventRow {
  id: string;
  date: string;
  profession: string;
  careUnit: string;
  workflowVersion: string;
  noteType: string;
  mode: string;
  activeMinutes: number | null;
  totalMinutes: number | null;
  rating: number | null;
  sentences: number;
  flags: number;
  flagsFixed: number;
  flagsDismissed: number;
  editChars: number | null;
}

export interface Events {
  leftOut: number;
  /** each listed combination's smallest and largest values: a column is as wide as its widest value, found among these */
  extremes: EventRow[];
  /** the listed rows in signing order, `size` at a time */
  batches: (size?: number) => AsyncGenerator<EventRow[]>;
}

const NUMBERS = ['activeMs', 'totalMs', 'rating', 'sentences', 'flags', 'flagsFixed', 'flagsDismissed', 'editChars'] as const;
type Fact = { signedNoteId: string; signedAt: Date; mode: string; professionId: string | null; careUnitId: string | null; workflowVersionId: string | null; noteType: string | null } & {
  [K in (typeof NUMBERS)[number]]: K extends 'sentences' | 'flags' | 'flagsFixed' | 'flagsDismissed' ? number : number | null;
};

const pseudonym = (id: string) => crypto.createHash('sha256').update(`jv-report:${id}`).digest('hex').slice(0, 12);
const groupOf = (f: Pick<Fact, 'professionId' | 'careUnitId' | 'mode'>) => `${f.professionId}|${f.careUnitId}|${f.mode}`;

function eventRow(labels: Labels, f: Fact): EventRow {
  return {
    id: pseudonym(f.signedNoteId),
    date: f.signedAt.toISOString().slice(0, 10),
    profession: professionName(labels, f.professionId),
    careUnit: unitName(labels, f.careUnitId),
    workflowVersion: f.mode === 'ai' ? versionName(labels, f.workflowVersionId) : '',
    noteType: f.noteType ?? '',
    mode: f.mode === 'baseline' ? 'baslinje' : 'AI-stöd',
    activeMinutes: f.activeMs === null ? null : f.activeMs / 60_000,
    totalMinutes: f.totalMs === null ? null : f.totalMs / 60_000,
    rating: f.rating,
    sentences: f.sentences,
    flags: f.flags,
    flagsFixed: f.flagsFixed,
    flagsDismissed: f.flagsDismissed,
    editChars: f.editChars,
  };
}

export async function reportEvents(deps: AppDeps, filters: Filters, labels: Labels): Promise<Events> {
  const db = deps.db.prisma;
  const where = factWhere(filters);
  const stat = Object.fromEntries(NUMBERS.map((k) => [k, true])) as Record<(typeof NUMBERS)[number], true>;
  // one row per clinician within each combination of what a row shows: the group's clinicians are its rows (a missing clinician counts once, as before)
  const combos = await db.noteFact.groupBy({
    by: ['professionId', 'careUnitId', 'mode', 'workflowVersionId', 'noteType', 'clinicianId'],
    where,
    _count: { _all: true },
    _min: stat,
    _max: stat,
  });
  const size = new Map<string, number>();
  const clinicians = new Map<string, Set<string | null>>();
  for (const c of combos) {
    size.set(groupOf(c), (size.get(groupOf(c)) ?? 0) + c._count._all);
    clinicians.set(groupOf(c), (clinicians.get(groupOf(c)) ?? new Set()).add(c.clinicianId));
  }
  const kept = new Set([...size].filter(([g, n]) => n >= MIN_GROUP && clinicians.get(g)!.size >= MIN_CLINICIANS).map(([g]) => g));
  const listed = combos.filter((c) => kept.has(groupOf(c)));
  const extremes = listed.flatMap((c) =>
    [c._min, c._max].map((x) => eventRow(labels, { ...c, ...x, signedNoteId: '', signedAt: new Date(0) } as Fact)),
  );

  async function* batches(take = 10_000): AsyncGenerator<EventRow[]> {
    const select = { signedNoteId: true, signedAt: true, mode: true, professionId: true, careUnitId: true, workflowVersionId: true, noteType: true, ...stat } as const;
    const page = (after: Fact | undefined) =>
      db.noteFact.findMany({
        select,
        // keyset: after the last row's (signedAt, signedNoteId), so each page costs the same however deep
        where: after ? { AND: [where, { signedAt: { gte: after.signedAt } }, { OR: [{ signedAt: { gt: after.signedAt } }, { signedNoteId: { gt: after.signedNoteId } }] }] } : where,
        orderBy: [{ signedAt: 'asc' }, { signedNoteId: 'asc' }],
        take,
      });
    let next = page(undefined);
    for (;;) {
      const facts = await next;
      // the database reads the next page while this one is written
      if (facts.length === take) next = page(facts[facts.length - 1]);
      const rows = facts.filter((f) => kept.has(groupOf(f))).map((f) => eventRow(labels, f));
      if (rows.length) yield rows;
      if (facts.length < take) return;
    }
  }
  const left = combos.filter((c) => !kept.has(groupOf(c)));
  return { leftOut: left.reduce((s, c) => s + c._count._all, 0), extremes, batches };
}
