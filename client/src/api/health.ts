import { HealthSchema, type ModelPurpose } from '../../../server/contracts/api/health';
import { request } from './client';

export type { ModelPurpose, ModelReport } from '../../../server/contracts/api/health';

/** A missing model stops nothing; the UI says so where it matters. */
export const getHealth = () => request('GET', '/health', HealthSchema);

export const PURPOSE_SV: Record<ModelPurpose, string> = {
  asr: 'Taligenkänning',
  llm: 'Språkmodell för utkast',
  vad: 'Röstaktivitet (VAD)',
};
