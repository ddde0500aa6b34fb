import type { AppDeps } from '../../deps';
import { dayWhere, type Filters } from './filters';
import { MIN_CLINICIANS, TOO_FEW_CLINICIANS_SV } from '../../../evals/metrics/time-saved';
import { MIN_GROUP, SUPPRESSED_SV, type Interval } from './stats';

/**
 * Quality of AI-drafted notes over time, aggregated in the database from
 * the NoteFact rollup (rollup.ts; one groupBy, portable between SQLite and PostgreSQL): ratings at
 * signing, "what was wrong" tags, grounding flags per 100 draft sentences
 * and how they were resolved, and the edit distance draft → signed. Sums
 * are per clinician, so the figures get clinician-level intervals and are
 * suppressed below five clinicians (quality-points.ts).
 */
const SUM_FIELDS = [
  'rating',
  'tagMissing',
  'tagInvented',
  'tagSpeaker',
  'tagTerminology',
  'tagStyle',
  'sentences',
  'flags',
  'flagsCritical',
  'flagsFixed',
  'flagsDismissed',
  'editChars',
  'draftChars',
] as const;
type SumField = (typeof SUM_FIELDS)[number];

export interface Sums {
  n: number;
  ratingN: number;
  editN: number;
  sum: Record<SumField, number>;
}

export interface QualityPoint {
  n: number;
  /** clinicians whose notes the point rests on */
  clinicians: number;
  suppressed: string | null;
  ratingN: number;
  ratingMean: number | null;
  /** share of notes with each tag, 0–1 */
  tags: { missing: number; invented: number; speaker: number; terminology: number; style: number } | null;
  sentences: number;
  flagsPer100Sentences: number | null;
  criticalFlagsPer100Sentences: number | null;
  /** shares of flags, 0–1 */
  flagsFixedShare: number | null;
  flagsDismissedShare: number | null;
  flagsOpenShare: number | null;
  /** characters changed / characters drafted, over notes with edit stats */
  editRatio: number | null;
  editCharsMean: number | null;
  /** 95 % cluster-bootstrap intervals over clinicians */
  ci: { ratingMean: Interval | null; flagsPer100Sentences: Interval | null; editRatio: Interval | null } | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** The figures of summed notes by `clinicians` clinicians, without intervals (quality-points.ts adds them). */
export function point(s: Sums, clinicians: number): QualityPoint {
  if (s.n < MIN_GROUP || clinicians < MIN_CLINICIANS) {
    return {
      n: s.n,
      clinicians,
      suppressed: s.n < MIN_GROUP ? SUPPRESSED_SV : TOO_FEW_CLINICIANS_SV,
      ratingN: s.ratingN,
      ratingMean: null,
      tags: null,
      sentences: s.sum.sentences,
      flagsPer100Sentences: null,
      criticalFlagsPer100Sentences: null,
      flagsFixedShare: null,
      flagsDismissedShare: null,
      flagsOpenShare: null,
      editRatio: null,
      editCharsMean: null,
      ci: null,
    };
  }
  const x = s.sum;
  const per100 = (v: number) => (x.sentences > 0 ? (100 * v) / x.sentences : null);
  return {
    n: s.n,
    clinicians,
    suppressed: null,
    ratingN: s.ratingN,
    ratingMean: ratio(x.rating, s.ratingN),
    tags: { missing: x.tagMissing / s.n, invented: x.tagInvented / s.n, speaker: x.tagSpeaker / s.n, terminology: x.tagTerminology / s.n, style: x.tagStyle / s.n },
    sentences: x.sentences,
    flagsPer100Sentences: per100(x.flags),
    criticalFlagsPer100Sentences: per100(x.flagsCritical),
    flagsFixedShare: ratio(x.flagsFixed, x.flags),
    flagsDismissedShare: ratio(x.flagsDismissed, x.flags),
    flagsOpenShare: ratio(x.flags - x.flagsFixed - x.flagsDismissed, x.flags),
    editRatio: ratio(x.editChars, x.draftChars),
    editCharsMean: ratio(x.editChars, s.editN),
    ci: null,
  };
}

export function addSums(a: Sums, b: Sums): Sums {
  const sum = { ...a.sum };
  for (const k of SUM_FIELDS) sum[k] += b.sum[k];
  return { n: a.n + b.n, ratingN: a.ratingN + b.ratingN, editN: a.editN + b.editN, sum };
}

export const emptySums = (): Sums => ({ n: 0, ratingN: 0, editN: 0, sum: Object.fromEntries(SUM_FIELDS.map((k) => [k, 0])) as Record<SumField, number> });

export interface QualityCell {
  professionId: string | null;
  workflowVersionId: string | null;
  month: string;
  clinicianId: string | null;
  sums: Sums;
}

/** Sums per profession × workflow version × month × clinician (AI notes only: baseline notes have no draft), from the rollup (rollup.ts). */
export async function qualityCells(deps: AppDeps, f: Filters): Promise<QualityCell[]> {
  const rows = await deps.db.prisma.noteFactDay.groupBy({
    by: ['professionId', 'workflowVersionId', 'month', 'clinicianId'],
    where: { ...dayWhere(f), mode: 'ai', ...(f.workflowVersionId ? { workflowVersionId: f.workflowVersionId } : {}) },
    _sum: Object.fromEntries(['notes', 'ratingN', 'editN', ...SUM_FIELDS].map((k) => [k, true])) as Record<SumField | 'notes' | 'ratingN' | 'editN', true>,
    orderBy: [{ professionId: 'asc' }, { workflowVersionId: 'asc' }, { month: 'asc' }, { clinicianId: 'asc' }],
  });
  return rows.map((r) => {
    const sums = r._sum as Record<SumField | 'notes' | 'ratingN' | 'editN', number | null>;
    return {
      professionId: r.professionId,
      workflowVersionId: r.workflowVersionId,
      month: r.month,
      clinicianId: r.clinicianId,
      sums: {
        n: Number(sums.notes ?? 0),
        ratingN: Number(sums.ratingN ?? 0),
        editN: Number(sums.editN ?? 0),
        sum: Object.fromEntries(SUM_FIELDS.map((k) => [k, Number(sums[k] ?? 0)])) as Record<SumField, number>,
      },
    };
  });
}
