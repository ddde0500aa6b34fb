import type { TestCase } from '../../../../server/contracts/testcase';
import type { WorkflowSpec } from '../../../../server/contracts/workflow';
import { request } from '../../api/client';
import { CompareSchema, ImportResultSchema, RunDetailSchema, RunListSchema, RunStartedSchema, TestCaseDetailSchema, TestCaseListSchema } from '../../../../server/contracts/api/evalruns';
import { GateCheckSchema, GateEnvelopeSchema, type GateConfig } from '../../../../server/contracts/api/gate';
import { JobSchema } from '../../../../server/contracts/api/jobs';
import { QueueSchema, RatedSchema, ResultsSchema, RoundEnvelopeSchema, RoundListSchema } from '../../../../server/contracts/api/ratings';
import { DiffSchema, LabelMovedSchema, SavedVersionSchema, VersionSchema, WorkflowDetailSchema, WorkflowListSchema } from '../../../../server/contracts/api/workflows';
import type { RoundFormT } from '../../../../server/contracts/api/ratings';

const id = (value: string) => encodeURIComponent(value);

export const listWorkflows = (groupId: string) => request('GET', `/workflows?groupId=${id(groupId)}`, WorkflowListSchema);
export const getWorkflow = (workflowId: string) => request('GET', `/workflows/${id(workflowId)}`, WorkflowDetailSchema);
export const getVersion = (workflowId: string, version: number) => request('GET', `/workflows/${id(workflowId)}/versions/${version}`, VersionSchema);
export const saveVersion = (workflowId: string, baseVersion: number, message: string, spec: WorkflowSpec) =>
  request('POST', `/workflows/${id(workflowId)}/versions`, SavedVersionSchema, { body: { baseVersion, message, spec } });
export const getDiff = (workflowId: string, from: number, to: number) => request('GET', `/workflows/${id(workflowId)}/diff?from=${from}&to=${to}`, DiffSchema);
export const moveLabel = (workflowId: string, label: string, version: number, reason?: string) =>
  request('PUT', `/workflows/${id(workflowId)}/labels/${id(label)}`, LabelMovedSchema, { body: { version, reason } });
export const checkGate = (workflowId: string, version: number) => request('GET', `/workflows/${id(workflowId)}/versions/${version}/gate`, GateCheckSchema);
export const overridePromotion = (workflowId: string, version: number, reason: string) =>
  request('POST', `/workflows/${id(workflowId)}/labels/produktion/override`, LabelMovedSchema, { body: { version, reason } });

export const listRuns = (workflowId: string) => request('GET', `/workflows/${id(workflowId)}/runs`, RunListSchema);
export const startRun = (workflowId: string, version: number) =>
  request('POST', `/workflows/${id(workflowId)}/versions/${version}/runs`, RunStartedSchema, { body: { drafter: 'extractive' } });
export const getRun = (runId: string) => request('GET', `/evalruns/${id(runId)}`, RunDetailSchema);
export const getJob = (jobId: string) => request('GET', `/jobs/${id(jobId)}`, JobSchema);
export const cancelJob = (jobId: string) => request('POST', `/jobs/${id(jobId)}/cancel`, JobSchema);
export const compareRuns = (a: string, b: string) => request('GET', `/evalruns/compare?a=${id(a)}&b=${id(b)}`, CompareSchema);

export const listTestCases = (groupId: string) => request('GET', `/groups/${id(groupId)}/testcases`, TestCaseListSchema);
export const importTestCases = (groupId: string, jsonl: string) => request('POST', `/groups/${id(groupId)}/testcases/import`, ImportResultSchema, { body: { jsonl } });
export const getTestCase = (caseId: string) => request('GET', `/testcases/${id(caseId)}`, TestCaseDetailSchema);
export const createTestCase = (groupId: string, data: TestCase) => request('POST', `/groups/${id(groupId)}/testcases`, TestCaseDetailSchema, { body: { data } });
export const saveTestCase = (caseId: string, revision: number, data: TestCase) =>
  request('PUT', `/testcases/${id(caseId)}`, TestCaseDetailSchema, { body: { revision, data } });
export const exportUrl = (groupId: string) => `/api/v1/groups/${id(groupId)}/testcases/export`;

export const listRounds = (groupId: string) => request('GET', `/groups/${id(groupId)}/rating-rounds`, RoundListSchema);
export const myRounds = () => request('GET', '/rating-rounds/mine', RoundListSchema);
export const createRound = (groupId: string, body: { name: string; runAId: string; runBId: string; raterIds: string[]; form: RoundFormT }) =>
  request('POST', `/groups/${id(groupId)}/rating-rounds`, RoundEnvelopeSchema, { body });
export const closeRound = (roundId: string) => request('POST', `/rating-rounds/${id(roundId)}/close`, RoundEnvelopeSchema);
export const getQueue = (roundId: string) => request('GET', `/rating-rounds/${id(roundId)}/queue`, QueueSchema);
export const submitRating = (roundId: string, body: { pairKey: string; scores: { a: Record<string, number>; b: Record<string, number> }; preference: string; comment?: string }) =>
  request('POST', `/rating-rounds/${id(roundId)}/ratings`, RatedSchema, { body });
export const getResults = (roundId: string) => request('GET', `/rating-rounds/${id(roundId)}/results`, ResultsSchema);

export const getGate = (groupId: string) => request('GET', `/groups/${id(groupId)}/gate`, GateEnvelopeSchema);
/** `notChecked` names the requirements the group turns off on purpose; a null not named there is refused. */
export const saveGate = (groupId: string, gate: Partial<GateConfig> & { notChecked?: string[] }) => request('PUT', `/groups/${id(groupId)}/gate`, GateEnvelopeSchema, { body: gate });

