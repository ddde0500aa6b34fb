import { z } from 'zod';
import type { ModelStatus } from '../asr/transcriber';

/**
 * A chat model as the project sees it: messages in, text out, token counts
 * for reporting. Used by the local NoteDrafter and by the OpenAI-compatible
 * `/v1/chat/completions` gateway; adapters keep every vendor detail inside.
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
export type GenerateOptions = z.infer<typeof GenerateOptionsSchema> & { signal?: AbortSignal };

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
