import { z } from 'zod';
import { request } from '../../api/client';

/**
 * The clinician's own survey answers (before and after the trial period).
 * The questions come from the server, so the wording shown is the wording
 * the dashboard reports on.
 */
export const PHASES = ['before', 'after'] as const;
export type Phase = (typeof PHASES)[number];
export const LOAD_ITEMS = ['mentalDemand', 'temporalDemand', 'effort', 'frustration'] as const;
export type LoadItem = (typeof LOAD_ITEMS)[number];

const ScaleQuestion = z.object({ text: z.string(), low: z.string(), high: z.string() });
const QuestionsSchema = z.object({
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
const AnswersSchema = z.object({ burnout: z.number().int().min(1).max(5), mentalDemand: Load, temporalDemand: Load, effort: Load, frustration: Load });
export type Answers = z.infer<typeof AnswersSchema>;
const ResponseSchema = z.object({ phase: z.enum(PHASES), answers: AnswersSchema, createdAt: z.string() });
export type SurveyResponse = z.infer<typeof ResponseSchema>;

export const getQuestions = () => request('GET', '/followup/surveys/questions', QuestionsSchema);
export const getMyResponses = () => request('GET', '/followup/surveys/mine', z.object({ responses: z.array(ResponseSchema) }));
export const saveResponse = (phase: Phase, answers: Answers) => request('PUT', `/followup/surveys/${phase}`, z.object({ response: ResponseSchema }), { body: answers });
