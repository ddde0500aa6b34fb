import { z } from 'zod';
import { RoundStatus } from '../status';
import { Id } from './common';

/** Answers of blind rating rounds (server/modules/codesign/ratings). */
const Num = z.number().nullable();
const Item = z.object({ key: z.string(), label: z.string(), low: z.string(), high: z.string() });
const Form = z.union([z.object({ kind: z.literal('full') }), z.object({ kind: z.literal('short'), items: z.array(z.string()) })]);
export type RoundFormT = z.infer<typeof Form>;
export type RatingItem = z.infer<typeof Item>;
const RoundSchema = z.object({
  id: Id,
  groupId: Id,
  name: z.string(),
  status: RoundStatus.schema,
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
  round: z.object({ id: Id, name: z.string(), status: RoundStatus.schema }),
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

