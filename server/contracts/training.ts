import { z } from 'zod';
import { KeyFactSchema, TestCaseSettingSchema, TestCaseTurnSchema } from './testcase';
import { ProfessionCodeSchema } from './workflow';

/**
 * Review training: a draft with planted errors (a training case), the marks
 * a clinician sets while reviewing it, and the kinds of error both speak of.
 * Shared by the server, the client and the shipped cases (prompts/training).
 */
export const ERROR_KINDS = ['number', 'drug', 'negation', 'diagnosis', 'plan', 'omission', 'speaker'] as const;
export const ErrorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

export const ERROR_KIND_SV: Record<ErrorKind, string> = {
  number: 'Fel siffra',
  drug: 'Fel läkemedel eller dos',
  negation: 'Omvänd negation',
  diagnosis: 'Diagnos som ingen ställde',
  plan: 'Plan som ingen kom överens om',
  omission: 'Utelämnat viktigt faktum',
  speaker: 'Fel talare',
};

/** Wrong speaker and invented plans are errors, but not the ones a readiness line is about by default. */
export const CRITICAL_BY_DEFAULT: Record<ErrorKind, boolean> = {
  number: true,
  drug: true,
  negation: true,
  diagnosis: true,
  plan: true,
  omission: true,
  speaker: false,
};

export const DraftSectionSchema = z.object({
  heading: z.string().min(1).max(80),
  text: z.string().max(4000),
});
export type DraftSection = z.infer<typeof DraftSectionSchema>;

/**
 * One planted error. `start`/`end` are character offsets into the section's
 * text and `text` is what the draft says there (empty for an omission, whose
 * span is the point where the fact is missing). `said` is what was actually
 * said in the consultation; `original` what the draft said before planting
 * (removing the error puts it back).
 */
export const PlantedErrorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/).max(40),
  kind: ErrorKindSchema,
  section: z.number().int().min(0).max(40),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().max(1000),
  original: z.string().max(2000),
  said: z.string().min(1).max(1000),
  /** index of the consultation turn that shows the truth, when there is one */
  turn: z.number().int().min(0).nullable().default(null),
  critical: z.boolean(),
  /** hand, or the rule of "Skapa varianter" that planted it */
  origin: z.string().max(40).default('hand'),
});
export type PlantedError = z.infer<typeof PlantedErrorSchema>;

export const TrainingCaseDataSchema = z.object({
  profession: ProfessionCodeSchema,
  setting: TestCaseSettingSchema,
  turns: z.array(TestCaseTurnSchema).min(2).max(400),
  draft: z.array(DraftSectionSchema).min(1).max(40),
  errors: z.array(PlantedErrorSchema).max(60),
  /** the test case's key facts: "Skapa varianter" deletes the sentences carrying the critical ones */
  keyFacts: z.array(KeyFactSchema).max(60).default([]),
  /** from the test case: strings that look like personal data but are invented */
  inventedIdentifiers: z.array(z.string().max(120)).max(50).default([]),
});
export type TrainingCaseData = z.infer<typeof TrainingCaseDataSchema>;

/** A clinician's mark: a span of the draft with a kind, or "saknas: …" for something left out. */
export const MarkSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('span'),
    section: z.number().int().min(0).max(40),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    kind: ErrorKindSchema,
  }),
  z.object({
    type: z.literal('missing'),
    section: z.number().int().min(0).max(40).nullable().default(null),
    text: z.string().trim().min(2, 'Skriv vad som saknas').max(300),
  }),
]);
export type Mark = z.infer<typeof MarkSchema>;

/** The lead's readiness line (Setting "training.readiness"). */
export const ReadinessLineSchema = z.object({
  minTrainedShare: z.number().min(0).max(1),
  minCriticalDetection: z.number().min(0).max(1),
});
export type ReadinessLine = z.infer<typeof ReadinessLineSchema>;
export const DEFAULT_READINESS_LINE: ReadinessLine = { minTrainedShare: 0.8, minCriticalDetection: 0.8 };

/**
 * A shipped training case (prompts/training): a shipped test case's
 * reference note with errors planted by hand, each written as the text to
 * find under a heading and what replaces it ("" for an omission), or as text
 * inserted after an anchor (a diagnosis or plan nobody spoke of).
 */
export const TrainingSeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/).max(80),
  title: z.string().min(1).max(160),
  testCase: z.string().regex(/^[a-z0-9-]+$/),
  errors: z.array(
    z.object({
      kind: ErrorKindSchema,
      heading: z.string().min(1),
      find: z.string().min(1).optional(),
      insertAfter: z.string().min(1).optional(),
      replace: z.string(),
      said: z.string().min(1),
      turn: z.number().int().min(0).nullable(),
      critical: z.boolean().optional(),
    }).refine((e) => (e.find === undefined) !== (e.insertAfter === undefined), 'Ange antingen find eller insertAfter'),
  ).min(1),
});
export type TrainingSeed = z.infer<typeof TrainingSeedSchema>;
