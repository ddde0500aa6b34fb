import { pipeline, type TextGenerationPipeline } from '@huggingface/transformers';
import { z } from 'zod';
import { abortedError } from '../errors';
import type { ModelStatus } from '../runtime/model-status';
import { type DtypeSetting, DtypeSettingSchema } from '../runtime/model-files';
import {
  ModelIdSchema,
  type ProgressListener,
  checkLocalModel,
  LeaseSlot,
  leaseLocalPipeline,
} from '../runtime/local-runtime';
import {
  type ChatMessage,
  ChatMessageSchema,
  ChatMessagesSchema,
  type ChatModel,
  type ChatModelInfo,
  type ChatResult,
  type GenerateOptions,
  GenerateOptionsSchema,
} from './chat-model';
import { abortCriterion, tokenCounter } from './generation-controls';

export const LocalChatOptionsSchema = z.object({
  modelsDir: z.string().min(1),
  modelId: ModelIdSchema,
  dtype: DtypeSettingSchema.default('fp32'),
});
export type LocalChatOptions = z.input<typeof LocalChatOptionsSchema> & { onProgress?: ProgressListener };

const OutputSchema = z.array(z.object({ generated_text: z.array(ChatMessageSchema).min(1) })).min(1);
const EosHolderSchema = z.object({ eos_token_id: z.union([z.number().int(), z.array(z.number().int())]) });

/**
 * A local chat model (Llama-type ONNX through transformers.js
 * `text-generation`, CPU), with the model's own chat template. Same folder
 * rules, sharing and disposal as the local transcriber.
 */
export class LocalChatModel implements ChatModel {
  readonly info: ChatModelInfo;
  private readonly modelsDir: string;
  private readonly modelId: string;
  private readonly dtype: DtypeSetting;
  private readonly onProgress: ProgressListener | undefined;
  private readonly slot = new LeaseSlot<TextGenerationPipeline>(() =>
    leaseLocalPipeline(
      { task: 'text-generation', kind: 'chat', modelsDir: this.modelsDir, modelId: this.modelId, dtype: this.dtype, onProgress: this.onProgress },
      (folder, options) => pipeline('text-generation', folder, options),
    ),
  );

  constructor(options: LocalChatOptions) {
    const parsed = LocalChatOptionsSchema.parse(options);
    this.modelsDir = parsed.modelsDir;
    this.modelId = parsed.modelId;
    this.dtype = parsed.dtype;
    this.onProgress = options.onProgress;
    this.info = { chatModelId: `local:${this.modelId}`, modelId: this.modelId, settings: { dtype: this.dtype, device: 'cpu' } };
  }

  status(): Promise<ModelStatus> {
    return checkLocalModel(this.modelsDir, this.modelId, 'chat', this.dtype);
  }

  async generate(messages: ChatMessage[], options: GenerateOptions): Promise<ChatResult> {
    const chat = ChatMessagesSchema.parse(messages);
    const { maxTokens, temperature } = GenerateOptionsSchema.parse({
      maxTokens: options.maxTokens,
      temperature: options.temperature,
    });
    const { signal } = options;
    if (signal?.aborted) throw abortedError();

    const lease = await this.slot.get();
    return lease.run(async (generator) => {
      if (signal?.aborted) throw abortedError();
      const eos =
        EosHolderSchema.safeParse(generator.model.generation_config).data?.eos_token_id ??
        EosHolderSchema.parse(generator.model.config).eos_token_id;
      const counter = tokenCounter(generator.tokenizer, new Set(Array.isArray(eos) ? eos : [eos]));
      const abort = abortCriterion(signal);
      let raw: unknown;
      try {
        raw = await generator(chat, {
          max_new_tokens: maxTokens,
          do_sample: temperature > 0,
          ...(temperature > 0 ? { temperature } : {}),
          streamer: counter.streamer,
          stopping_criteria: [abort.criterion],
        });
      } finally {
        abort.detach();
      }
      if (signal?.aborted) throw abortedError();
      const reply = OutputSchema.parse(raw)[0]?.generated_text.at(-1);
      return { text: reply?.role === 'assistant' ? reply.content : '', ...counter.counts() };
    });
  }

  dispose(): Promise<void> {
    return this.slot.release();
  }
}
