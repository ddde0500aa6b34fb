import { z } from 'zod';

/**
 * The public health answer: the server's model status, which local model is
 * missing and the operator's instruction to install it (server/modules/health).
 */
const ModelPurposeSchema = z.enum(['asr', 'llm', 'vad']);
export type ModelPurpose = z.infer<typeof ModelPurposeSchema>;
const ModelReportSchema = z.object({
  purpose: ModelPurposeSchema,
  modelId: z.string(),
  state: z.enum(['ready', 'missing', 'remote', 'not_needed']),
  path: z.string().optional(),
  howToInstall: z.string().optional(),
});
export type ModelReport = z.infer<typeof ModelReportSchema>;
export const HealthSchema = z.object({ status: z.string(), models: z.array(ModelReportSchema) });
