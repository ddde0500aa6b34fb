import { z } from 'zod';
import type { ModelStatus } from '../runtime/model-status';

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
