import { z } from 'zod';
import { EncounterMode } from '../status';
import { Timestamp } from './common';

/**
 * The follow-up dashboard's answers (server/modules/followup/dashboard.ts,
 * drilldown.ts, assumptions.ts). Fields the page does not show are left out;
 * zod drops them.
 */
const Interval = z.object({ lower: z.number(), upper: z.number() }).nullable();
export const SummarySchema = z.object({
  n: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  meanCi: Interval,
  medianCi: Interval,
  suppressed: z.string().nullable(),
});
export type Summary = z.infer<typeof SummarySchema>;
const SideSchema = SummarySchema.extend({ clinicians: z.number().nullable() });
const SavedSchema = z.object({
  mean: z.number().nullable(),
  meanCi: Interval,
  suppressed: z.string().nullable(),
  design: z.enum(['free', 'schedule']),
  clinicians: z.number(),
  notes: z.number(),
  importedClinicians: z.number(),
  withoutComparison: z.number(),
  clusters: z.number(),
  variance: z.object({ designEffect: z.number().nullable().optional() }),
});

const TimeGroupSchema = z.object({
  professionId: z.string().nullable(),
  professionName: z.string(),
  key: z.string(),
  label: z.string(),
  design: z.enum(['free', 'schedule']),
  analysis: z.object({ cluster: z.enum(['clinician', 'unit']), periodAdjusted: z.boolean() }),
  ai: z.object({ active: SideSchema, total: SideSchema }),
  baseline: z.object({ source: z.enum(['measured', 'imported']).nullable(), active: SideSchema, total: SideSchema.nullable() }),
  saved: z.object({ active: SavedSchema, total: SavedSchema.nullable() }),
  overrides: z.object({ notes: z.number(), scheduled: z.number() }).nullable(),
});
export type TimeGroup = z.infer<typeof TimeGroupSchema>;

const AssumedVariance = z.object({ withinSd: z.number(), betweenSd: z.number(), compliance: z.number().optional(), designEffect: z.number().optional(), clusterSize: z.number().optional() });
const PrecisionPlanSchema = z.object({
  professionId: z.string().nullable(),
  professionName: z.string(),
  source: z.enum(['observed', 'assumed']),
  assumptions: AssumedVariance,
  halfWidthMin: z.number(),
  design: z.object({ cluster: z.enum(['clinician', 'unit']), source: z.enum(['observed', 'assumed']).nullable(), icc: z.number().nullable() }),
});
export type PrecisionPlan = z.infer<typeof PrecisionPlanSchema>;

const Range = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() }).nullable();
/**
 * One profession's assumptions for the yearly figures, with the limits the
 * server accepts on saving; the lead's editor reads its field limits from here.
 */
export const ProfessionAssumptionSchema = z.object({
  notesPerYear: z.number().int().min(0).max(10_000_000),
  /** share of notes the AI workflow suits, 0–1 */
  suitableShare: z.number().min(0).max(1),
  /** kronor per hour including social fees (arbetsgivaravgifter) */
  hourlyCostSek: z.number().min(0).max(100_000),
});
export type ProfessionAssumption = z.infer<typeof ProfessionAssumptionSchema>;
const AssumptionSchema = z.object({ notesPerYear: z.number(), suitableShare: z.number(), hourlyCostSek: z.number() });
export type Assumption = z.infer<typeof AssumptionSchema>;
export const AssumptionsSchema = z.object({ professions: z.record(z.string(), AssumptionSchema), updatedAt: z.string().nullable() });

const QualityPoint = {
  n: z.number(),
  clinicians: z.number(),
  suppressed: z.string().nullable(),
  ratingN: z.number(),
  ratingMean: z.number().nullable(),
  flagsPer100Sentences: z.number().nullable(),
  criticalFlagsPer100Sentences: z.number().nullable(),
  flagsFixedShare: z.number().nullable(),
  flagsDismissedShare: z.number().nullable(),
  flagsOpenShare: z.number().nullable(),
  editRatio: z.number().nullable(),
  ci: z.object({ ratingMean: Interval, flagsPer100Sentences: Interval, editRatio: Interval }).nullable(),
};
const TrendPointSchema = z.object({ ...QualityPoint, professionName: z.string(), versionLabel: z.string(), month: z.string() });
export type TrendPoint = z.infer<typeof TrendPointSchema>;
const ProfessionQualitySchema = z.object({ ...QualityPoint, professionId: z.string().nullable(), professionName: z.string(), rating: SummarySchema });
export type ProfessionQuality = z.infer<typeof ProfessionQualitySchema>;

const PhaseSchema = z.object({ respondents: z.number(), burnout: SummarySchema, burnoutShare: z.number().nullable() });
const SurveyGroupSchema = z.object({ professionName: z.string(), before: PhaseSchema, after: PhaseSchema });
export type SurveyGroup = z.infer<typeof SurveyGroupSchema>;

export const DashboardSchema = z.object({
  factsComplete: z.boolean().default(true),
  filters: z.object({ from: z.string(), to: z.string() }),
  definitions: z.record(z.string(), z.string()),
  time: z.object({ groups: z.array(TimeGroupSchema), byProfession: z.array(TimeGroupSchema), precision: z.array(PrecisionPlanSchema), explanation: z.string() }),
  extrapolation: z.object({
    rows: z.array(z.object({ professionCode: z.string(), professionName: z.string(), assumption: AssumptionSchema.nullable(), savedMinutesPerNote: z.number().nullable(), clinicians: z.number(), notes: z.number(), hoursPerYear: Range, kronorPerYear: Range, note: z.string().nullable() })),
    assumptions: AssumptionsSchema,
    explanation: z.string(),
  }),
  quality: z.object({ byProfession: z.array(ProfessionQualitySchema), trend: z.array(TrendPointSchema), explanation: z.string() }),
  surveys: z.object({ groups: z.array(SurveyGroupSchema), explanation: z.string() }),
  baseline: z.array(z.object({ source: z.string(), professionId: z.string(), noteType: z.string(), n: z.number(), meanMinutes: z.number().nullable() })),
  options: z.object({
    professions: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    units: z.array(z.object({ id: z.string(), name: z.string() })),
    versions: z.array(z.object({ id: z.string(), label: z.string(), professionId: z.string() })),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const DrillSchema = z.object({
  total: z.number(),
  suppressed: z.string().nullable(),
  notes: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      mode: EncounterMode.schema,
      careUnit: z.string(),
      workflowVersion: z.string(),
      activeMinutes: z.number().nullable(),
      totalMinutes: z.number().nullable(),
      rating: z.number().nullable(),
      sentences: z.number(),
      flags: z.number(),
      flagsFixed: z.number(),
      flagsDismissed: z.number(),
    }),
  ),
});

export const AssumptionsEnvelopeSchema = z.object({ assumptions: AssumptionsSchema });
/** The imported baseline times, per source, profession and note type. */
export const BaselineListSchema = z.object({
  baseline: z.array(z.object({ source: z.string(), professionId: z.string(), noteType: z.string(), n: z.number(), meanMinutes: z.number().nullable(), importedAt: Timestamp.nullable() })),
});
/** POST /followup/baseline (a CSV upload) */
export const BaselineImportedSchema = BaselineListSchema.extend({ imported: z.number(), source: z.string() });
