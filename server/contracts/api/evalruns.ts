import { z } from 'zod';
import { TestCaseSchema } from '../testcase';
import { JobStatus } from '../status';
import { Id } from './common';

/** Answers of eval runs, their comparison and test cases (server/modules/codesign/{evalruns,testcases}). */
const Num = z.number().nullable();
const RunSchema = z.object({
  id: Id,
  workflowId: Id,
  version: z.number(),
  drafterId: z.string(),
  status: JobStatus.schema,
  jobId: z.string().nullable(),
  progress: Num,
  progressNote: z.string().nullable(),
  error: z.string().nullable(),
  caseCount: z.number(),
  summary: z.record(z.string(), z.number().nullable()).nullable(),
  createdAt: z.string(),
});
export type Run = z.infer<typeof RunSchema>;
export const RunListSchema = z.object({ runs: z.array(RunSchema) });
export const RunStartedSchema = z.object({ run: RunSchema, jobId: Id });

/** a case's metrics: null where the registry cannot measure one ("ej mätbart"), never stored as 0 */
const MetricsSchema = z.object({
  rouge1: Num,
  rougeL: Num,
  keyFactRecall: Num,
  criticalKeyFactRecall: Num,
  flags: z.object({ total: z.number(), critical: z.number() }),
  completeness: Num,
  lix: Num,
  words: Num,
});
const OutputSection = z.object({ key: z.string(), heading: z.string(), text: z.string() });
export const RunDetailSchema = z.object({
  run: RunSchema,
  results: z.array(z.object({ caseId: Id, slug: z.string(), title: z.string(), cached: z.boolean(), durationMs: z.number(), metrics: MetricsSchema, output: z.object({ sections: z.array(OutputSection) }) })),
});

const DiffRun = z.object({ op: z.enum(['equal', 'del', 'ins']), text: z.string() });
export type DiffRunT = z.infer<typeof DiffRun>;
const Delta = z.object({ a: Num, b: Num, delta: Num, verdict: z.enum(['better', 'worse', 'same']).nullable() });
export type DeltaT = z.infer<typeof Delta>;
export const CompareSchema = z.object({
  a: RunSchema,
  b: RunSchema,
  cases: z.array(
    z.object({
      caseId: Id,
      slug: z.string(),
      title: z.string(),
      sections: z.array(z.object({ key: z.string(), heading: z.string(), a: z.string(), b: z.string(), changed: z.boolean(), diff: z.array(DiffRun) })),
      metrics: z.record(z.string(), Delta),
    }),
  ),
  aggregate: z.array(z.object({ key: z.string(), label: z.string(), n: z.number(), meanA: Num, meanB: Num, meanDelta: Num, lower: Num, upper: Num, verdict: Delta.shape.verdict })),
});
export type Compare = z.infer<typeof CompareSchema>;

const TestCaseRowSchema = z.object({ id: Id, groupId: Id, slug: z.string(), title: z.string(), revision: z.number(), setting: z.string(), tags: z.array(z.string()), turns: z.number(), keyFacts: z.number(), criticalKeyFacts: z.number(), hasAudio: z.boolean() });
export const TestCaseListSchema = z.object({ testCases: z.array(TestCaseRowSchema) });
export const TestCaseDetailSchema = z.object({ testCase: TestCaseRowSchema, data: TestCaseSchema });
export const ImportResultSchema = z.object({ created: z.number(), updated: z.number() });

