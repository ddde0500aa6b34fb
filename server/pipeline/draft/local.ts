import { JobFailure } from '../../errors';
import { LocalModelError } from '../asr/local-runtime';
import type { ChatModel } from '../llm/chat-model';
import { ChatDrafter, type Completion, type CompletionRequest } from './chat-drafter';
import type { DrafterInfo } from './drafter';

/**
 * Drafts with a local chat model (transformers.js, CPU) from MODELS_DIR:
 * same prompt, parser and repair round as the hosted drafter. The model is
 * shared with the gateway and owned by whoever created it, so dispose() here
 * releases nothing.
 */
export class LocalDrafter extends ChatDrafter {
  readonly info: DrafterInfo;

  constructor(
    private readonly model: ChatModel,
    private readonly settings: { maxTokens: number; temperature: number },
  ) {
    super();
    this.info = { drafterId: `local:${model.info.modelId}`, modelId: model.info.modelId };
  }

  protected async complete({ messages, request }: CompletionRequest): Promise<Completion> {
    try {
      const result = await this.model.generate(messages, { ...this.settings, ...(request.signal ? { signal: request.signal } : {}) });
      return { text: result.text };
    } catch (error) {
      if (error instanceof LocalModelError && error.code === 'model_missing') throw new JobFailure('model_missing', error.message);
      if (error instanceof LocalModelError && error.code === 'model_load_failed') {
        throw new JobFailure('model_load_failed', `Den lokala språkmodellen ${error.modelId} kunde inte laddas. Kontrollera modellmappen.`);
      }
      throw error;
    }
  }

  async dispose(): Promise<void> {
    // The chat model belongs to the registry that lent it.
  }
}
