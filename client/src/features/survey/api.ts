import { QuestionsSchema, SurveyResponseEnvelopeSchema, SurveyResponseListSchema, type Answers, type Phase } from '../../../../server/contracts/api/surveys';
import { request } from '../../api/client';

/** The clinician's own survey answers; the shapes are the server's contracts. */
export { LOAD_ITEMS, PHASES, type Answers, type LoadItem, type Phase, type Questions, type SurveyResponse } from '../../../../server/contracts/api/surveys';

export const getQuestions = () => request('GET', '/followup/surveys/questions', QuestionsSchema);
export const getMyResponses = () => request('GET', '/followup/surveys/mine', SurveyResponseListSchema);
export const saveResponse = (phase: Phase, answers: Answers) => request('PUT', `/followup/surveys/${phase}`, SurveyResponseEnvelopeSchema, { body: answers });
