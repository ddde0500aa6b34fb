import { z } from 'zod';

/** The promotion gate: a group's thresholds and a version's check (server/modules/codesign/gate). */
const Num = z.number().nullable();
export const GateConfigSchema = z.object({
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
export type GateConfig = z.infer<typeof GateConfigSchema>;
export const GateEnvelopeSchema = z.object({ gate: GateConfigSchema, defaults: GateConfigSchema, profession: z.string(), custom: z.boolean() });
export const GateCheckSchema = z.object({
  gate: z.object({
    passed: z.boolean(),
    criteria: z.array(z.object({ key: z.string(), label: z.string(), passed: z.boolean(), message: z.string() })),
  }),
  /** the version held produktion before: moving back is a rollback and skips the gate */
  rollback: z.boolean(),
});
