import { z } from 'zod';

/**
 * The clinician's own survey answers before and after the trial period
 * (server/modules/followup/surveys.ts). The questions come from the server,
 * so the wording shown is the wording the dashboard reports on.
 */
export const PHASES = ['before', 'after'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;
export const LOAD_ITEMS = ['mentalDemand', 'temporalDemand', 'effort', 'frustration'] as const;
export type LoadItem = (typeof LOAD_ITEMS)[number];

const ScaleQuestion = z.object({ text: z.string(), low: z.string(), high: z.string() });
export const QuestionsSchema = z.object({
  questions: z.object({
    burnout: z.object({ text: z.string(), options: z.array(z.object({ value: z.number(), text: z.string() })) }),
    mentalDemand: ScaleQuestion,
    temporalDemand: ScaleQuestion,
    effort: ScaleQuestion,
    frustration: ScaleQuestion,
  }),
});
export type Questions = z.infer<typeof QuestionsSchema>['questions'];

const Load = z.number().int().min(0).max(100);
/** one answer to both surveys: the route's body, the form's value and what the dashboard reads back from the rows */
export const AnswersSchema = z.object({ burnout: z.number().int().min(1).max(5), mentalDemand: Load, temporalDemand: Load, effort: Load, frustration: Load });
export type Answers = z.infer<typeof AnswersSchema>;
const SurveyResponseSchema = z.object({ phase: PhaseSchema, answers: AnswersSchema, createdAt: z.iso.datetime({ offset: true }) });
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;
export const SurveyResponseListSchema = z.object({ responses: z.array(SurveyResponseSchema) });
export const SurveyResponseEnvelopeSchema = z.object({ response: SurveyResponseSchema });
