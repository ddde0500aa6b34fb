import { z } from 'zod';
import type { ModelStatus } from '../asr/transcriber';

/**
 * A chat model as the project sees it: messages in, text out, token counts
 * for reporting. Local (transformers.js) and hosted (any OpenAI-compatible
 * endpoint) adapters implement it; the one ChatDrafter and the
 * `/v1/chat/completions` gateway use it; adapters keep every vendor detail inside.
 */

export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ChatMessagesSchema = z.array(ChatMessageSchema).min(1);

export const GenerateOptionsSchema = z.object({
  maxTokens: z.number().int().positive().max(8192),
  /** 0 = greedy (deterministic); > 0 samples at that temperature. */
  temperature: z.number().min(0).max(2),
});
export type GenerateOptions = z.infer<typeof GenerateOptionsSchema> & {
  signal?: AbortSignal;
  /**
   * The JSON schema the answer must follow. A server that constrains its
   * decoding to it does so; a model that cannot (the local one) ignores it,
   * so callers validate the answer either way.
   */
  responseSchema?: { name: string; schema: Record<string, unknown> };
};

export interface ChatResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

export interface ChatModelInfo {
  chatModelId: string; // "local:<model>"
  modelId: string;
  settings: Record<string, unknown>;
}

export interface ChatModel {
  readonly info: ChatModelInfo;
  status(): Promise<ModelStatus>;
  generate(messages: ChatMessage[], options: GenerateOptions): Promise<ChatResult>;
  dispose(): Promise<void>;
}

export type ChatModelErrorCode =
  | 'hosted_unreachable'
  | 'hosted_auth'
  | 'hosted_model_missing'
  | 'hosted_rate_limited'
  | 'hosted_error'
  | 'output_rejected';

/**
 * A remote chat model's failure, with a Swedish message that names the model
 * and host but never the service's own text (it may echo the input).
 * `output_rejected`: the server validated its answer against the requested
 * schema itself and refused it; `rejected` holds the validation errors (paths,
 * no text), so the caller can ask again as for any invalid answer.
 */
export class ChatModelError extends Error {
  override readonly name = 'ChatModelError';
  constructor(
    readonly code: ChatModelErrorCode,
    message: string,
    readonly rejected: readonly string[] = [],
  ) {
    super(message);
  }
}
