import { z } from 'zod';

/**
 * A working group's promotion gate (WorkingGroup.gateConfig). A criterion set
 * to null is not checked. The default demands only what no group should
 * waive silently: no critical grounding flag on any case of the latest run.
 */
export const GateConfigSchema = z.object({
  /** the most critical grounding flags allowed on any single case */
  maxCriticalFlagsPerCase: z.number().int().min(0).max(100).nullable().default(0),
  /** mean key-fact recall over the run's cases (0–1) */
  minKeyFactRecall: z.number().min(0).max(1).nullable().default(null),
  /** mean critical key-fact recall over the run's cases (0–1) */
  minCriticalKeyFactRecall: z.number().min(0).max(1).nullable().default(null),
  /** mean PDQI-9 score (1–5) of the version in its latest closed rating round */
  minMeanPdqi: z.number().min(1).max(5).nullable().default(null),
  /** Krippendorff's α (ordinal, all items pooled) in that round */
  minAlpha: z.number().min(-1).max(1).nullable().default(null),
  /** raters who rated at least one pair in that round */
  minRaters: z.number().int().min(1).max(50).nullable().default(null),
});
export type GateConfig = z.infer<typeof GateConfigSchema>;

export function parseGateConfig(value: unknown): GateConfig {
  const parsed = GateConfigSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : GateConfigSchema.parse({});
}
