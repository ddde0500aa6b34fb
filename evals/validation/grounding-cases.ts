/**
 * Grounding cases: a consultation, a correct reference note written the way a
 * clinician writes it, and drafts with planted errors whose spans are
 * annotated (kind, span, what was said). Read from a folder of JSON files;
 * the older seeded-sv format (faithfulNote / erroneousNote) is read too.
 * Pure schema and conversion here; file access is in `grounding-eval.ts`.
 */
import { z } from 'zod';
import { FLAG_KINDS } from '../metrics/grounding';

const Lines = z.union([z.string().min(1), z.array(z.string()).min(1).transform((l) => l.join('\n'))]);

export const PlantedErrorSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  /** Exact text of the draft holding the error (it must occur once). */
  span: z.string().min(1),
  /** What the consultation said instead, in words: documentation for people, not read by the evaluator. */
  said: z.string().default(''),
});
export type PlantedError = z.infer<typeof PlantedErrorSchema>;

export const GroundingCaseSchema = z.object({
  id: z.string().min(1),
  profession: z.string().min(1),
  /** dev: used while tuning; locked: run only to report. */
  split: z.enum(['dev', 'locked']),
  style: z.string().default(''),
  transcript: Lines,
  reference: Lines,
  drafts: z.array(z.object({ note: Lines, planted: z.array(PlantedErrorSchema) })).default([]),
});
export type GroundingCase = z.infer<typeof GroundingCaseSchema>;

/** The first seeded-sv format (evals/fixtures/seeded-sv): one faithful and one erroneous note. */
const LegacySeededSchema = z.object({
  id: z.string().min(1),
  profession: z.string().min(1),
  split: z.enum(['dev', 'heldout']),
  transcript: z.string().min(1),
  faithfulNote: z.string().min(1),
  erroneousNote: z.string().min(1),
  planted: z.array(z.object({ kind: z.enum(FLAG_KINDS), text: z.string().min(1) })).min(1),
});

/**
 * Parses one case file's JSON. Legacy seeded cases are all development
 * cases: the rules were written while looking at every one of them.
 */
export function parseGroundingCase(json: unknown): { ok: true; value: GroundingCase } | { ok: false; message: string } {
  const current = GroundingCaseSchema.safeParse(json);
  if (current.success) return { ok: true, value: current.data };
  const legacy = LegacySeededSchema.safeParse(json);
  if (legacy.success) {
    const c = legacy.data;
    return {
      ok: true,
      value: {
        id: c.id, profession: c.profession, split: 'dev', style: 'seeded-sv',
        transcript: c.transcript, reference: c.faithfulNote,
        drafts: [{ note: c.erroneousNote, planted: c.planted.map((p) => ({ kind: p.kind, span: p.text, said: '' })) }],
      },
    };
  }
  const issue = current.error.issues[0];
  return { ok: false, message: `${issue?.path.join('.') || 'case'}: ${issue?.message ?? 'invalid'}` };
}
