import { z } from 'zod';
import { request } from './client';

/**
 * The server's model status from the public health endpoint: which local
 * model is missing, and the operator's instruction to install it. A missing
 * model stops nothing; the UI says so where it matters.
 */
export const ModelPurposeSchema = z.enum(['asr', 'llm', 'vad']);
export type ModelPurpose = z.infer<typeof ModelPurposeSchema>;
const ModelReportSchema = z.object({
  purpose: ModelPurposeSchema,
  modelId: z.string(),
  state: z.enum(['ready', 'missing', 'remote', 'not_needed']),
  path: z.string().optional(),
  howToInstall: z.string().optional(),
});
export type ModelReport = z.infer<typeof ModelReportSchema>;
const HealthSchema = z.object({ status: z.string(), models: z.array(ModelReportSchema) });

export const getHealth = () => request('GET', '/health', HealthSchema);

export const PURPOSE_SV: Record<ModelPurpose, string> = {
  asr: 'Taligenkänning',
  llm: 'Språkmodell för utkast',
  vad: 'Röstaktivitet (VAD)',
};
