import crypto from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../deps';

/**
 * Comparison schedules: a lead assigns periods with and without AI so that
 * the clinician does not choose (choosing AI on easy days would make any
 * comparison overstate the saving). Per clinician or per care unit, for one
 * profession or one care unit:
 * - alternating: AI and baseline periods take turns; who starts with AI is
 *   drawn per clinician (or unit), so calendar trends cancel out;
 * - randomised: each pair of periods has one AI and one baseline period in a
 *   random order (balanced, not predictable beyond the pair);
 * - stepped: everyone starts without AI and switches to AI for good at a
 *   randomly drawn period (stepped wedge).
 * The draws are a hash of the schedule's seed and the clinician (or unit),
 * so the assignment is fixed from the start, and a clinician is told only the
 * period that has begun. Pure apart from `currentAssignment`.
 */
export const PATTERNS = ['alternating', 'randomised', 'stepped'] as const;
export const LEVELS = ['clinician', 'unit'] as const;
export type Mode = 'ai' | 'baseline';

export const PATTERN_SV: Record<(typeof PATTERNS)[number], string> = { alternating: 'växelvis', randomised: 'slumpad ordning inom varje par av perioder', stepped: 'trappsteg (alla börjar utan AI och går över till AI vid en slumpad period)' };
export const LEVEL_SV: Record<(typeof LEVELS)[number], string> = { clinician: 'per kliniker', unit: 'per vårdenhet' };

export const ScheduleBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn').max(80),
    professionId: z.string().min(1).max(40).nullable().default(null),
    careUnitId: z.string().min(1).max(40).nullable().default(null),
    level: z.enum(LEVELS),
    pattern: z.enum(PATTERNS),
    startDay: z.iso.date('Ange ett datum (ÅÅÅÅ-MM-DD)'),
    periodDays: z.number().int().min(1, 'Minst en dag').max(90, 'Högst 90 dagar'),
    periods: z.number().int().min(2, 'Minst två perioder').max(52, 'Högst 52 perioder'),
  })
  .refine((s) => s.professionId || s.careUnitId, { message: 'Välj yrkesgrupp eller vårdenhet', path: ['professionId'] });
export type ScheduleBody = z.infer<typeof ScheduleBodySchema>;

export interface ScheduleSpec {
  id: string;
  name: string;
  professionId: string | null;
  careUnitId: string | null;
  level: string;
  pattern: string;
  startDay: string;
  periodDays: number;
  periods: number;
  seed: number;
  endedAt: Date | null;
  createdAt: Date;
}

const DAY = 86_400_000;

function draw(seed: number, key: string, what: string): number {
  return crypto.createHash('sha256').update(`${seed}:${key}:${what}`).digest().readUInt32BE(0);
}

/** The period a day falls in (0-based), or null outside the schedule. */
export function periodOf(s: ScheduleSpec, day: string): number | null {
  const k = Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${s.startDay}T00:00:00Z`)) / (s.periodDays * DAY));
  return k >= 0 && k < s.periods ? k : null;
}

/** What the schedule assigns to a clinician (or unit) key in period k. */
export function modeIn(s: ScheduleSpec, key: string, k: number): Mode {
  switch (s.pattern) {
    case 'alternating':
      return (k + (draw(s.seed, key, 'start') & 1)) % 2 === 0 ? 'ai' : 'baseline';
    case 'randomised': {
      const first = draw(s.seed, key, `pair${k >> 1}`) & 1;
      return (k & 1) === first ? 'ai' : 'baseline';
    }
    default: {
      // stepped: the switch is at period 1 … periods − 1, so every unit has some baseline and some AI
      const step = 1 + (draw(s.seed, key, 'step') % (s.periods - 1));
      return k >= step ? 'ai' : 'baseline';
    }
  }
}

export function clusterKey(s: ScheduleSpec, user: { id: string; careUnitId: string | null }): string {
  return s.level === 'unit' && user.careUnitId ? `unit:${user.careUnitId}` : `user:${user.id}`;
}

export interface Assignment {
  scheduleId: string;
  scheduleName: string;
  mode: Mode;
  period: number;
  /** the last day of the current period (the next period's mode is not told) */
  periodEnds: string;
}

export function assignmentFor(s: ScheduleSpec, user: { id: string; careUnitId: string | null }, day: string): Assignment | null {
  const k = periodOf(s, day);
  if (k === null) return null;
  const end = new Date(Date.parse(`${s.startDay}T00:00:00Z`) + ((k + 1) * s.periodDays - 1) * DAY).toISOString().slice(0, 10);
  return { scheduleId: s.id, scheduleName: s.name, mode: modeIn(s, clusterKey(s, user), k), period: k, periodEnds: end };
}

/** The schedule in force for a clinician today (the newest that covers their profession or unit), and its assignment. */
export async function currentAssignment(deps: AppDeps, user: { id: string; professionId: string | null; careUnitId: string | null }, now = new Date()): Promise<Assignment | null> {
  const schedules = await deps.db.prisma.comparisonSchedule.findMany({
    where: {
      endedAt: null,
      AND: [{ OR: [{ professionId: null }, { professionId: user.professionId ?? '' }] }, { OR: [{ careUnitId: null }, { careUnitId: user.careUnitId ?? '' }] }],
    },
    orderBy: { createdAt: 'desc' },
  });
  const day = now.toISOString().slice(0, 10);
  for (const s of schedules) {
    const a = assignmentFor(s, user, day);
    if (a) return a;
  }
  return null;
}

/** "Växelvis per kliniker, perioder om 7 dagar, 8 perioder från 2026-03-02" */
export function describeSchedule(s: ScheduleSpec): string {
  const pattern = PATTERN_SV[s.pattern as (typeof PATTERNS)[number]] ?? s.pattern;
  const level = LEVEL_SV[s.level as (typeof LEVELS)[number]] ?? s.level;
  return `${pattern.charAt(0).toUpperCase()}${pattern.slice(1)} ${level}, ${s.periods} perioder om ${s.periodDays} dagar från ${s.startDay}${s.endedAt ? `, avslutat ${s.endedAt.toISOString().slice(0, 10)}` : ''}`;
}

/** Every schedule with its description and how it was followed (encounters, overrides). */
export async function listSchedules(deps: AppDeps) {
  const db = deps.db.prisma;
  const [rows, encounters] = await Promise.all([
    db.comparisonSchedule.findMany({ orderBy: { createdAt: 'desc' } }),
    db.encounter.groupBy({ by: ['scheduleId', 'mode', 'assignedMode'], where: { scheduleId: { not: null } }, _count: { _all: true } }),
  ]);
  return rows.map((s: ScheduleSpec) => {
    const mine = encounters.filter((e) => e.scheduleId === s.id);
    return {
      id: s.id,
      name: s.name,
      professionId: s.professionId,
      careUnitId: s.careUnitId,
      level: s.level,
      pattern: s.pattern,
      startDay: s.startDay,
      periodDays: s.periodDays,
      periods: s.periods,
      endedAt: s.endedAt?.toISOString() ?? null,
      description: describeSchedule(s),
      encounters: mine.reduce((n, e) => n + e._count._all, 0),
      overrides: mine.filter((e) => e.mode !== e.assignedMode).reduce((n, e) => n + e._count._all, 0),
    };
  });
}
