import type { ModelReport } from '../runtime/model-status';
import { LocalChatModel } from './local-chat';

/**
 * One LocalChatModel per model id for the whole process, shared by the local
 * drafter and the /v1/chat/completions gateway, so a model is loaded once and
 * released at shutdown rather than after every job.
 */
export class LocalChatModels {
  private readonly models = new Map<string, LocalChatModel>();

  constructor(
    private readonly modelsDir: string,
    private readonly dtype: 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16',
    /** the configured default (LLM_LOCAL_MODEL) */
    readonly defaultModelId: string,
  ) {}

  get(modelId: string = this.defaultModelId): LocalChatModel {
    let model = this.models.get(modelId);
    if (!model) {
      model = new LocalChatModel({ modelsDir: this.modelsDir, modelId, dtype: this.dtype });
      this.models.set(modelId, model);
    }
    return model;
  }

  /**
   * Health: the configured chat model, ready or missing with how to install
   * it. Missing counts against health only when local drafting is the
   * default (LLM_PROVIDER=local); otherwise it is reported as not needed,
   * still with the folder and how to install it.
   */
  async report(required: boolean): Promise<ModelReport[]> {
    const status = await this.get().status();
    if (status.state !== 'missing') return [{ purpose: 'llm', modelId: status.modelId, state: status.state }];
    return [{ purpose: 'llm', modelId: status.modelId, state: required ? 'missing' : 'not_needed', path: status.path, howToInstall: status.howToInstall }];
  }

  async dispose(): Promise<void> {
    const models = [...this.models.values()];
    this.models.clear();
    await Promise.all(models.map((m) => m.dispose()));
  }
}
