/** What a model adapter says about its own model: loaded from MODELS_DIR, missing there, or served remotely. */
export type ModelStatus =
  | { state: 'ready'; modelId: string }
  | { state: 'missing'; modelId: string; path: string; howToInstall: string }
  | { state: 'remote'; modelId: string; baseUrl: string };

/**
 * What the health endpoint says about one model: installed, missing (with how
 * to install it) or remote. Providers live with the capability that owns the
 * model (ASR, chat); the app collects them in `deps.services.modelStatus`.
 */
export interface ModelReport {
  purpose: 'asr' | 'llm' | 'vad';
  modelId: string;
  state: 'ready' | 'missing' | 'remote' | 'not_needed';
  path?: string;
  howToInstall?: string;
}
export type ModelStatusProvider = () => Promise<ModelReport[]>;
