import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import { PipelineError } from '../errors';
import type { ModelStatus } from '../runtime/model-status';
import {
  type ChatMessage,
  ChatMessagesSchema,
  type ChatModel,
  type ChatModelInfo,
  type ChatResult,
  type GenerateOptions,
  GenerateOptionsSchema,
} from './chat-model';

/**
 * A chat model behind any OpenAI-compatible endpoint (a Swedish/EU-hosted
 * service under a processing agreement, vLLM, llama.cpp, Ollama, or this
 * server's own /v1 gateway). A `responseSchema` is sent as a strict
 * `response_format: json_schema`, so servers with constrained decoding cannot
 * leave it. The SDK retries 408/409/429/5xx and connection errors with
 * exponential backoff (honouring `retry-after`) before an error is raised.
 */
export const HostedChatOptionsSchema = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  model: z.string().min(1).max(200),
  timeoutMs: z.number().int().positive().default(120_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
});
export type HostedChatOptions = z.input<typeof HostedChatOptionsSchema>;

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});
/** The service sets its own cap on answer length; the local runtime's 8192 does not apply. */
const HostedGenerateSchema = GenerateOptionsSchema.extend({ maxTokens: z.number().int().positive() });
const RejectionSchema = z.object({ message: z.string().max(2000) });

export class HostedChatModel implements ChatModel {
  readonly info: ChatModelInfo;
  private readonly options: z.output<typeof HostedChatOptionsSchema>;
  private readonly client: OpenAI;

  constructor(options: HostedChatOptions) {
    this.options = HostedChatOptionsSchema.parse(options);
    this.client = new OpenAI({
      baseURL: this.options.baseUrl,
      apiKey: this.options.apiKey,
      timeout: this.options.timeoutMs,
      maxRetries: this.options.maxRetries,
    });
    this.info = { chatModelId: `hosted:${this.options.model}`, modelId: this.options.model, settings: { host: this.host() } };
  }

  async status(): Promise<ModelStatus> {
    return { state: 'remote', modelId: this.options.model, baseUrl: this.options.baseUrl };
  }

  async generate(messages: ChatMessage[], options: GenerateOptions): Promise<ChatResult> {
    const chat = ChatMessagesSchema.parse(messages);
    const { maxTokens, temperature } = HostedGenerateSchema.parse({ maxTokens: options.maxTokens, temperature: options.temperature });
    const format = options.responseSchema;
    try {
      const response = await this.client.chat.completions.create(
        {
          model: this.options.model,
          messages: chat,
          temperature,
          max_tokens: maxTokens,
          ...(format ? { response_format: { type: 'json_schema', json_schema: { name: format.name, strict: true, schema: format.schema } } } : {}),
        },
        options.signal ? { signal: options.signal } : {},
      );
      const parsed = CompletionSchema.safeParse(response).data;
      return {
        text: parsed?.choices[0]?.message.content ?? '',
        promptTokens: parsed?.usage?.prompt_tokens ?? 0,
        completionTokens: parsed?.usage?.completion_tokens ?? 0,
      };
    } catch (error) {
      throw this.failure(error);
    }
  }

  async dispose(): Promise<void> {
    // The SDK keeps no open resources beyond keep-alive sockets, which close on their own.
  }

  private host(): string {
    return new URL(this.options.baseUrl).host;
  }

  /** Vendor errors → PipelineError; the remote server's own message is not copied (it may echo input). */
  private failure(error: unknown): unknown {
    if (error instanceof APIUserAbortError) return error;
    const where = `(${this.options.model} på ${this.host()})`;
    const fail = (code: PipelineError['code'], message: string, field?: string) =>
      new PipelineError(code, { message, detail: `Hosted chat model ${this.options.model}: ${error instanceof APIError ? `HTTP ${error.status ?? '?'}` : 'no connection'}.`, ...(field ? { field } : {}) });
    if (error instanceof APIConnectionError) {
      return fail('hosted_unreachable', `Språkmodelltjänsten svarade inte ${where}. Försök igen om en stund.`, 'LLM_HOSTED_BASE_URL');
    }
    if (!(error instanceof APIError)) return error;
    // A server that validates structured output itself (this project's gateway) refuses a non-conforming answer.
    if (error.status === 422 && error.code === 'invalid_model_output') {
      const message = RejectionSchema.safeParse(error.error).data?.message;
      return new PipelineError('output_rejected', {
        message: 'Svaret följde inte JSON-schemat.',
        detail: 'The server refused its own answer against the requested JSON schema.',
        problems: [message ?? 'Svaret följde inte JSON-schemat.'],
      });
    }
    const code = error.code && /^[\w.-]{1,60}$/.test(error.code) ? ` [${error.code}]` : '';
    switch (error.status) {
      case 401:
      case 403:
        return fail('hosted_auth', `Språkmodelltjänsten nekade åtkomst ${where}${code}. Kontrollera LLM_HOSTED_API_KEY.`, 'LLM_HOSTED_API_KEY');
      case 404:
        return fail('hosted_model_missing', `Modellen finns inte hos språkmodelltjänsten ${where}${code}.`, 'LLM_HOSTED_MODEL');
      case 429:
        return fail('hosted_rate_limited', `Språkmodelltjänsten är överbelastad ${where}, även efter nya försök. Försök igen senare.`);
      default:
        return fail('hosted_error', `Språkmodelltjänsten svarade med fel ${error.status ?? ''} ${where}${code}.`);
    }
  }
}
