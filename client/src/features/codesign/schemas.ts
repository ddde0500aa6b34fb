import { z } from 'zod';
import { TestCaseSchema } from '../../../../server/contracts/testcase';
import { WorkflowSpecSchema } from '../../../../server/contracts/workflow';

/** Response shapes of the co-design endpoints (server/modules/{workflows,testcases,evalruns,ratings,gate}). */
const Id = z.string().min(1);
const Num = z.number().nullable();
const LabelRef = z.object({ versionId: Id, version: z.number().nullable() });

export const WorkflowSummarySchema = z.object({
  id: Id,
  name: z.string(),
  noteType: z.string(),
  group: z.object({ id: Id, name: z.string() }).nullable(),
  profession: z.object({ id: Id, code: z.string(), name: z.string() }),
  latestVersion: z.number(),
  labels: z.record(z.string(), LabelRef),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummarySchema>;
export const WorkflowListSchema = z.object({ workflows: z.array(WorkflowSummarySchema) });

export const WorkflowDetailSchema = z.object({
  workflow: WorkflowSummarySchema,
  versions: z.array(z.object({ id: Id, version: z.number(), message: z.string(), author: z.string().nullable(), createdAt: z.string(), labels: z.array(z.string()) })),
  labelEvents: z.array(
    z.object({ id: Id, label: z.string(), fromVersion: Num, toVersion: Num, actor: z.string().nullable(), override: z.boolean(), reason: z.string().nullable(), createdAt: z.string() }),
  ),
});
export type WorkflowDetail = z.infer<typeof WorkflowDetailSchema>;

export const VersionSchema = z.object({ id: Id, version: z.number(), message: z.string(), spec: WorkflowSpecSchema });
export const SavedVersionSchema = z.object({ id: Id, version: z.number() });

const DiffRuns = z.array(z.object({ op: z.enum(['equal', 'del', 'ins']), text: z.string() }));
export type DiffRuns = z.infer<typeof DiffRuns>;
const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), runs: DiffRuns.optional() });
const ListChange = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });
export const DiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  diff: z.object({
    fields: z.array(FieldChange),
    sections: z.object({
      added: z.array(z.object({ key: z.string(), heading: z.string() })),
      removed: z.array(z.object({ key: z.string(), heading: z.string() })),
      changed: z.array(z.object({ key: z.string(), heading: z.string(), fields: z.array(FieldChange), lists: z.record(z.string(), ListChange) })),
      reordered: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
    }),
    instructions: z.object({ before: z.string(), after: z.string(), runs: DiffRuns }).nullable(),
    vocabulary: z.record(z.string(), ListChange),
    model: z.array(FieldChange),
    identical: z.boolean(),
  }),
});
export type Diff = z.infer<typeof DiffSchema>['diff'];

export const RunSchema = z.object({
  id: Id,
  workflowId: Id,
  version: z.number(),
  drafterId: z.string(),
  status: z.string(),
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

export const MetricsSchema = z.object({
  rouge1: z.number(),
  rougeL: z.number(),
  keyFactRecall: Num,
  criticalKeyFactRecall: Num,
  flags: z.object({ total: z.number(), critical: z.number() }),
  completeness: z.number(),
  lix: z.number(),
  words: z.number(),
});
const OutputSection = z.object({ key: z.string(), heading: z.string(), text: z.string() });
export const RunDetailSchema = z.object({
  run: RunSchema,
  results: z.array(z.object({ caseId: Id, slug: z.string(), title: z.string(), cached: z.boolean(), durationMs: z.number(), metrics: MetricsSchema, output: z.object({ sections: z.array(OutputSection) }) })),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

export const JobSchema = z.object({ id: Id, status: z.string(), progress: z.number(), progressNote: z.string().nullable(), error: z.string().nullable() });

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

export const TestCaseRowSchema = z.object({ id: Id, groupId: Id, slug: z.string(), title: z.string(), revision: z.number(), setting: z.string(), tags: z.array(z.string()), turns: z.number(), keyFacts: z.number(), criticalKeyFacts: z.number(), hasAudio: z.boolean() });
export const TestCaseListSchema = z.object({ testCases: z.array(TestCaseRowSchema) });
export const TestCaseDetailSchema = z.object({ testCase: TestCaseRowSchema, data: TestCaseSchema });
export const ImportResultSchema = z.object({ created: z.number(), updated: z.number() });

const Item = z.object({ key: z.string(), label: z.string(), low: z.string(), high: z.string() });
const Form = z.union([z.object({ kind: z.literal('full') }), z.object({ kind: z.literal('short'), items: z.array(z.string()) })]);
export type RoundFormT = z.infer<typeof Form>;
export type RatingItem = z.infer<typeof Item>;
export const RoundSchema = z.object({
  id: Id,
  groupId: Id,
  name: z.string(),
  status: z.string(),
  cases: z.number(),
  form: Form,
  raters: z.array(z.object({ id: Id, displayName: z.string().nullable(), rated: z.number() })),
  versions: z.array(z.object({ id: Id, runId: z.string().optional(), version: Num, workflowName: z.string().nullable() })).nullable(),
});
export type Round = z.infer<typeof RoundSchema>;
export const RoundListSchema = z.object({ rounds: z.array(RoundSchema) });
export const RoundEnvelopeSchema = z.object({ round: RoundSchema });
const Section = z.object({ heading: z.string(), text: z.string() });
export const QueueSchema = z.object({
  round: z.object({ id: Id, name: z.string(), status: z.string() }),
  items: z.array(Item),
  pairs: z.array(
    z.object({
      pairKey: z.string(),
      position: z.number(),
      case: z.object({ title: z.string(), turns: z.array(z.object({ speaker: z.string(), text: z.string() })) }).nullable(),
      a: z.array(Section),
      b: z.array(Section),
      rating: z.object({ preference: z.string() }).nullable(),
    }),
  ),
});
export type Queue = z.infer<typeof QueueSchema>;
export const RatedSchema = z.object({ rated: z.number(), of: z.number() });
const Ci = z.object({ mean: Num, lower: Num, upper: Num, n: z.number() });
export const ResultsSchema = z.object({
  round: RoundSchema,
  items: z.array(Item),
  raters: z.number(),
  ratings: z.number(),
  versions: z.array(z.object({ versionId: Id, ratings: z.number(), items: z.record(z.string(), Ci), pdqi: Ci, preferenceShare: Num })),
  equalShare: Num,
  alpha: z.object({ perItem: z.record(z.string(), Num), overall: Num, lower: Num, upper: Num, preference: Num }),
  disagreements: z.object({ perItem: z.record(z.string(), z.object({ units: z.number(), split: z.number() })), preference: z.object({ units: z.number(), split: z.number() }) }),
  splitCases: z.array(
    z.object({
      caseId: Id,
      title: z.string().nullable(),
      raters: z.number(),
      spread: z.number(),
      preferencesDisagree: z.boolean(),
      preferences: z.tuple([z.number(), z.number()]),
      equal: z.number(),
      widest: z.object({ item: z.string(), versionId: Id, min: z.number(), max: z.number() }).nullable(),
    }),
  ),
});
export type Results = z.infer<typeof ResultsSchema>;

export const GateConfigSchemaClient = z.object({
  maxCriticalFlagsPerCase: Num,
  minKeyFactRecall: Num,
  keyFactRecallNotBelowProduktion: z.boolean(),
  minCriticalKeyFactRecall: Num,
  minMeanPdqi: Num,
  minAlpha: Num,
  minRaters: Num,
  minTrainedShare: Num,
  minTrainingDetection: Num,
});
export type GateConfig = z.infer<typeof GateConfigSchemaClient>;
export const GateEnvelopeSchema = z.object({ gate: GateConfigSchemaClient, defaults: GateConfigSchemaClient, profession: z.string(), custom: z.boolean() });
export type GateEnvelope = z.infer<typeof GateEnvelopeSchema>;
export const GateCheckSchema = z.object({
  gate: z.object({
    passed: z.boolean(),
    criteria: z.array(z.object({ key: z.string(), label: z.string(), passed: z.boolean(), message: z.string() })),
  }),
  /** the version held produktion before: moving back is a rollback and skips the gate */
  rollback: z.boolean(),
});
export type GateCheck = z.infer<typeof GateCheckSchema>;
export const LabelMovedSchema = z.object({ label: z.string(), version: z.number() });
