import type { ErrorKind, Mark } from '../../../../server/contracts/training';
import { request } from '../../api/client';
import {
  FeedbackEnvelopeSchema,
  MyScoresSchema,
  ParticipantsSchema,
  ReadinessSchema,
  ReviewCaseSchema,
  SummarySchema,
  TrainingCaseDetailSchema,
  TrainingCaseListSchema,
  TrainingRoundEnvelopeSchema,
  TrainingRoundListSchema,
  VariantsSchema,
} from '../../../../server/contracts/api/training';

/** The review-training endpoints (server/modules/training); the answers' shapes are the server's contracts. */
const id = (value: string) => encodeURIComponent(value);

export const listTrainingCases = (groupId: string) => request('GET', `/groups/${id(groupId)}/training-cases`, TrainingCaseListSchema);
export const createTrainingCase = (groupId: string, testCaseId: string, source: 'reference' | 'drafter') =>
  request('POST', `/groups/${id(groupId)}/training-cases`, TrainingCaseDetailSchema, { body: { testCaseId, source } });
export const getTrainingCase = (caseId: string) => request('GET', `/training-cases/${id(caseId)}`, TrainingCaseDetailSchema);
export const proposeVariants = (caseId: string) => request('POST', `/training-cases/${id(caseId)}/variants`, VariantsSchema);
export const keepVariants = (caseId: string, revision: number, keys: string[]) =>
  request('POST', `/training-cases/${id(caseId)}/variants/keep`, TrainingCaseDetailSchema, { body: { revision, keys } });
export interface HandPlant {
  revision: number;
  kind: ErrorKind;
  section: number;
  start: number;
  end: number;
  selected: string;
  replacement: string;
  said: string;
  turn: number | null;
}
export const plantError = (caseId: string, body: HandPlant) => request('POST', `/training-cases/${id(caseId)}/errors`, TrainingCaseDetailSchema, { body });
export const removeError = (caseId: string, errorId: string, revision: number) =>
  request('DELETE', `/training-cases/${id(caseId)}/errors/${id(errorId)}?revision=${revision}`, TrainingCaseDetailSchema);

export const listTrainingRounds = (groupId: string) => request('GET', `/groups/${id(groupId)}/training-rounds`, TrainingRoundListSchema);
export const listParticipants = () => request('GET', '/training/participants', ParticipantsSchema);
export const createTrainingRound = (groupId: string, body: { name: string; caseIds: string[]; participantIds: string[]; showFlags: boolean; timeLimitMinutes: number | null }) =>
  request('POST', `/groups/${id(groupId)}/training-rounds`, TrainingRoundEnvelopeSchema, { body });
export const closeTrainingRound = (roundId: string) => request('POST', `/training-rounds/${id(roundId)}/close`, TrainingRoundEnvelopeSchema);
export const myTrainingRounds = () => request('GET', '/training-rounds/mine', TrainingRoundListSchema);
export const getReviewCase = (roundId: string, caseId: string) => request('GET', `/training-rounds/${id(roundId)}/cases/${id(caseId)}`, ReviewCaseSchema);
export const submitReview = (roundId: string, userId: string, caseId: string, marks: Mark[]) =>
  request('POST', `/training-rounds/${id(roundId)}/participants/${id(userId)}/cases/${id(caseId)}/answer`, FeedbackEnvelopeSchema, { body: { marks } });

export const myScores = () => request('GET', '/training/me', MyScoresSchema);
export const groupSummary = (groupId: string) => request('GET', `/groups/${id(groupId)}/training/summary`, SummarySchema);
export const allSummary = () => request('GET', '/training/summary', SummarySchema);
export const getReadiness = () => request('GET', '/followup/training-readiness', ReadinessSchema);
export const saveReadinessLine = (line: { minTrainedShare: number; minCriticalDetection: number }) => request('PUT', '/followup/training-readiness/line', ReadinessSchema, { body: line });
export const TRAINING_RECORD_URL = '/api/v1/admin/training-record.csv';
