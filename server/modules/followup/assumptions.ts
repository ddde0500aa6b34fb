import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Saved } from './time-saved';
import { ProfessionAssumptionSchema, type ProfessionAssumption } from '../../contracts/api/followup';

/**
 * The lead's assumptions for turning minutes per note into hours and kronor
 * per year, per profession (by code, so they survive a re-seed). Stored in
 * Setting; the route that changes them is audited, and every report prints
 * them next to the result.
 */
export const AssumptionsSchema = z.object({
  professions: z.record(z.string().regex(/^[a-z0-9-]{2,40}$/), ProfessionAssumptionSchema),
});
export type Assumptions = z.infer<typeof AssumptionsSchema>;

export interface StoredAssumptions extends Assumptions {
  updatedAt: string | null;
}

const KEY = 'followup.assumptions';

export async function readAssumptions(deps: AppDeps): Promise<StoredAssumptions> {
  const row = await deps.db.prisma.setting.findUnique({ where: { key: KEY } });
  const parsed = AssumptionsSchema.safeParse(row?.value);
  return parsed.success ? { ...parsed.data, updatedAt: row!.updatedAt.toISOString() } : { professions: {}, updatedAt: null };
}

export async function writeAssumptions(deps: AppDeps, value: Assumptions): Promise<StoredAssumptions> {
  const row = await deps.db.prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
  return { ...value, updatedAt: row.updatedAt.toISOString() };
}

/** The changed numbers, flattened for the audit row ("lakare.notesPerYear": 12000); numbers only. */
export function assumptionChanges(before: Assumptions, after: Assumptions): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, a] of Object.entries(after.professions)) {
    for (const field of ['notesPerYear', 'suitableShare', 'hourlyCostSek'] as const) {
      if (before.professions[code]?.[field] !== a[field]) out[`${code}.${field}`] = a[field];
    }
  }
  for (const code of Object.keys(before.professions)) if (!after.professions[code]) out[`${code}.removed`] = 1;
  return out;
}

export interface Extrapolation {
  professionId: string;
  professionCode: string;
  professionName: string;
  assumption: ProfessionAssumption | null;
  savedMinutesPerNote: number | null;
  /** what the minutes rest on */
  clinicians: number;
  notes: number;
  withoutComparison: number;
  hoursPerYear: { estimate: number; lower: number; upper: number } | null;
  kronorPerYear: { estimate: number; lower: number; upper: number } | null;
  note: string | null;
}

/** Hours per year = notes per year × suitable share × minutes saved per note / 60; kronor = hours × hourly cost. */
export function extrapolate(
  profession: { id: string; code: string; name: string },
  saved: Saved | null,
  assumption: ProfessionAssumption | undefined,
): Extrapolation {
  const base = {
    professionId: profession.id,
    professionCode: profession.code,
    professionName: profession.name,
    assumption: assumption ?? null,
    clinicians: saved?.clinicians ?? 0,
    notes: saved?.notes ?? 0,
    withoutComparison: saved?.withoutComparison ?? 0,
  };
  if (!assumption) return { ...base, savedMinutesPerNote: saved?.mean ?? null, hoursPerYear: null, kronorPerYear: null, note: 'Antaganden saknas för yrkesgruppen.' };
  if (!saved || saved.mean === null || !saved.meanCi) {
    return { ...base, savedMinutesPerNote: null, hoursPerYear: null, kronorPerYear: null, note: saved?.suppressed ?? 'Ingen jämförelse med baslinje ännu.' };
  }
  const factor = (assumption.notesPerYear * assumption.suitableShare) / 60;
  const hours = { estimate: saved.mean * factor, lower: saved.meanCi.lower * factor, upper: saved.meanCi.upper * factor };
  const kr = (h: number) => h * assumption.hourlyCostSek;
  return {
    ...base,
    savedMinutesPerNote: saved.mean,
    hoursPerYear: hours,
    kronorPerYear: { estimate: kr(hours.estimate), lower: kr(hours.lower), upper: kr(hours.upper) },
    note: null,
  };
}
