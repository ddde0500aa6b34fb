import { z } from 'zod';
import { WorkflowLabel } from '../status';
import { WorkflowSpecSchema } from '../workflow';
import { Id } from './common';

/** Answers of /workflows (server/modules/codesign/workflows): versions, labels, diffs. */
const Num = z.number().nullable();
const LabelRef = z.object({ versionId: Id, version: z.number().nullable() });

const WorkflowSummarySchema = z.object({
  id: Id,
  name: z.string(),
  noteType: z.string(),
  group: z.object({ id: Id, name: z.string() }).nullable(),
  profession: z.object({ id: Id, code: z.string(), name: z.string() }),
  latestVersion: z.number(),
  labels: z.record(z.string(), LabelRef),
});
export const WorkflowListSchema = z.object({ workflows: z.array(WorkflowSummarySchema) });

export const WorkflowDetailSchema = z.object({
  workflow: WorkflowSummarySchema,
  versions: z.array(z.object({ id: Id, version: z.number(), message: z.string(), author: z.string().nullable(), createdAt: z.string(), labels: z.array(WorkflowLabel.schema) })),
  labelEvents: z.array(
    z.object({ id: Id, label: WorkflowLabel.schema, fromVersion: Num, toVersion: Num, actor: z.string().nullable(), override: z.boolean(), reason: z.string().nullable(), createdAt: z.string() }),
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

/** A production version a new encounter can use: the workflow and the version its "produktion" label points at. */
const ProductionRef = z.object({ workflowId: Id, name: z.string(), versionId: Id, version: z.number().nullable() });
/** GET /workflows/for-me: the default for the user's profession, production per profession, and the versions to choose among. */
export const ForMeSchema = z.object({
  profession: z.string().nullable(),
  default: ProductionRef.nullable(),
  produktionByProfession: z.record(z.string(), z.array(ProductionRef)),
  choices: z.array(
    z.object({
      workflowId: Id,
      name: z.string(),
      versions: z.array(z.object({ id: Id, workflowId: Id, version: z.number(), message: z.string(), createdAt: z.string(), labels: z.array(WorkflowLabel.schema) })),
    }),
  ),
});
/** GET /workflows/seeds: the project's templates a new workflow starts from. */
export const SeedListSchema = z.object({ seeds: z.array(z.object({ key: z.string(), name: z.string(), noteType: z.string(), sections: z.array(z.string()) })) });

export const LabelMovedSchema = z.object({ label: WorkflowLabel.schema, version: z.number() });

