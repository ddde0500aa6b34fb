import { z } from 'zod';

/**
 * A working group's promotion gate (WorkingGroup.gateConfig). A criterion set
 * to null (or false) is not checked. A group that never saved its own gate
 * gets its profession's defaults (`defaultGateConfig`), so produktion is
 * protected from the first start; a saved gate only stores what the group
 * chose, and every key it leaves out falls back to the default.
 */
export const GateConfigSchema = z.object({
  /** the most critical grounding flags allowed on any single case */
  maxCriticalFlagsPerCase: z.number().int().min(0).max(100).nullable(),
  /** mean key-fact recall over the run's cases (0–1) */
  minKeyFactRecall: z.number().min(0).max(1).nullable(),
  /** key-fact recall on the cases both runs share may not fall below the current produktion version's */
  keyFactRecallNotBelowProduktion: z.boolean(),
  /** mean critical key-fact recall over the run's cases (0–1) */
  minCriticalKeyFactRecall: z.number().min(0).max(1).nullable(),
  /** mean PDQI-9 score (1–5) of the version in its latest closed rating round */
  minMeanPdqi: z.number().min(1).max(5).nullable(),
  /** Krippendorff's α (ordinal, all items pooled) in that round */
  minAlpha: z.number().min(-1).max(1).nullable(),
  /** raters who rated at least one pair in that round */
  minRaters: z.number().int().min(1).max(50).nullable(),
  /** share of the profession's clinicians who completed review training (0–1) */
  minTrainedShare: z.number().min(0).max(1).nullable(),
  /** their mean detection rate of critical planted errors (0–1, over ≥ 5 people) */
  minTrainingDetection: z.number().min(0).max(1).nullable(),
});
export type GateConfig = z.infer<typeof GateConfigSchema>;
export const GateConfigPatchSchema = GateConfigSchema.partial();

type NumberKey = Exclude<keyof GateConfig, 'keyFactRecallNotBelowProduktion'>;
const NUMBER_KEYS = Object.keys(GateConfigSchema.shape).filter((k) => k !== 'keyFactRecallNotBelowProduktion') as [NumberKey, ...NumberKey[]];
/**
 * What a group sends to change its gate. A null turns a requirement off, so it
 * must be named in `notChecked` too: a client that turns a mistyped number
 * into null (JSON writes NaN as null) is refused instead of silently
 * dropping the requirement. `notChecked` is not stored.
 */
export const GateConfigRequestSchema = GateConfigPatchSchema.extend({ notChecked: z.array(z.enum(NUMBER_KEYS)).max(NUMBER_KEYS.length).optional() })
  .strict()
  .superRefine((body, ctx) => {
    for (const key of NUMBER_KEYS) {
      if (body[key] === null && !body.notChecked?.includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'Ange ett tal. Ska kravet inte prövas, lämna fältet tomt.' });
      }
    }
  });

/**
 * Shared by every profession: no critical grounding flag on any test case,
 * recall not below what produktion does today, and a closed blind rating
 * round whose raters agree (α ≥ 0.67, Krippendorff's lowest level for
 * tentative conclusions) before its mean PDQI-9 (≥ 3.5, above the scale's
 * midpoint) is believed.
 */
const BASE: GateConfig = {
  maxCriticalFlagsPerCase: 0,
  minKeyFactRecall: null,
  keyFactRecallNotBelowProduktion: true,
  minCriticalKeyFactRecall: null,
  minMeanPdqi: 3.5,
  minAlpha: 0.67,
  minRaters: 3,
  // Training is required only where a group or lead asks for it (the readiness line on the dashboard shows it regardless).
  minTrainedShare: null,
  minTrainingDetection: null,
};

/**
 * Where professions differ: the small psychologist/counsellor and
 * occupational-therapist groups can seldom gather three raters for a round,
 * so two suffice there. (An absolute floor on critical key facts is left to
 * each group: the shipped physician cases reach 77 % with the extractive
 * engine, and "not below produktion" already stops a version that loses facts.)
 */
const BY_PROFESSION: Record<string, Partial<GateConfig>> = {
  'psykolog-kurator': { minRaters: 2 },
  arbetsterapeut: { minRaters: 2 },
};

export function defaultGateConfig(professionCode: string | null | undefined): GateConfig {
  return { ...BASE, ...(professionCode ? BY_PROFESSION[professionCode] : undefined) };
}

/** The group's stored choices over its profession's defaults; an unreadable stored value counts as none. */
export function parseGateConfig(value: unknown, professionCode: string | null | undefined): GateConfig {
  const stored = GateConfigPatchSchema.safeParse(value ?? {});
  return { ...defaultGateConfig(professionCode), ...(stored.success ? stored.data : {}) };
}
