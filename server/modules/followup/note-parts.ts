import { z } from 'zod';

/**
 * Readers for the JSON columns the notes module writes (Draft.sections,
 * SignedNote.wrongTags, SignedNote.editStats). They take only counts out of
 * them, never text, and tolerate shapes they do not know: a note whose JSON
 * cannot be read counts as "no data" rather than breaking the dashboard.
 */
const FlagSchema = z.object({
  severity: z.string().optional(),
  resolution: z.object({ action: z.string() }).nullable().optional(),
});
const SectionsSchema = z.array(
  z.object({
    sentences: z.array(z.object({ text: z.string().optional(), flags: z.array(FlagSchema).optional() })).default([]),
  }),
);

export interface DraftCounts {
  sentences: number;
  flags: number;
  flagsCritical: number;
  flagsFixed: number;
  flagsDismissed: number;
  draftChars: number;
}

export function draftCounts(sections: unknown): DraftCounts | null {
  const parsed = SectionsSchema.safeParse(sections);
  if (!parsed.success) return null;
  const c: DraftCounts = { sentences: 0, flags: 0, flagsCritical: 0, flagsFixed: 0, flagsDismissed: 0, draftChars: 0 };
  for (const section of parsed.data) {
    for (const sentence of section.sentences) {
      c.sentences++;
      c.draftChars += (sentence.text ?? '').length;
      for (const flag of sentence.flags ?? []) {
        c.flags++;
        if (flag.severity === 'critical') c.flagsCritical++;
        if (flag.resolution?.action === 'fixed') c.flagsFixed++;
        if (flag.resolution?.action === 'dismissed') c.flagsDismissed++;
      }
    }
  }
  return c;
}

export const WRONG_TAGS = ['missing', 'invented', 'speaker', 'terminology', 'style'] as const;
export type WrongTag = (typeof WRONG_TAGS)[number];

export function wrongTags(value: unknown): Set<WrongTag> {
  const parsed = z.array(z.string()).safeParse(value);
  if (!parsed.success) return new Set();
  return new Set(parsed.data.filter((t): t is WrongTag => (WRONG_TAGS as readonly string[]).includes(t)));
}

/**
 * editStats as the sign step writes it: per section { key, distance,
 * normalized, draftChars, signedChars }. Older or other shapes (a number per
 * section, { total }) still give the distance.
 */
const SectionEdit = z.union([
  z.number().nonnegative().transform((distance) => ({ distance, draftChars: null as number | null })),
  z.object({ distance: z.number().nonnegative(), draftChars: z.number().nonnegative().optional() }).transform((o) => ({ distance: o.distance, draftChars: o.draftChars ?? null })),
]);
const EditStatsSchema = z.union([
  z.object({ total: z.number().nonnegative() }).transform((o) => [{ distance: o.total, draftChars: null }]),
  z.array(SectionEdit),
  z.record(z.string(), SectionEdit).transform((r) => Object.values(r)),
]);

export interface EditCounts {
  /** characters changed draft → signed, summed over sections */
  distance: number;
  /** characters drafted, when every section states it */
  draftChars: number | null;
}

export function editCounts(value: unknown): EditCounts | null {
  if (value == null) return null;
  const parsed = EditStatsSchema.safeParse(value);
  if (!parsed.success) return null;
  const sections = parsed.data;
  const known = sections.every((s) => s.draftChars !== null);
  return {
    distance: Math.round(sections.reduce((a, s) => a + s.distance, 0)),
    draftChars: known ? sections.reduce((a, s) => a + s.draftChars!, 0) : null,
  };
}
