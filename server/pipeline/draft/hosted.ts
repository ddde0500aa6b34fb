import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import { JobFailure } from '../../errors';
import { ChatDrafter, type Completion, type CompletionRequest } from './chat-drafter';
import type { DraftRequest, DrafterInfo } from './drafter';
import { requestedSections } from './prompt';

/**
 * Drafts with any OpenAI-compatible chat endpoint (a Swedish/EU-hosted
 * service under a processing agreement, vLLM, llama.cpp, Ollama, or this
 * server's own /v1 gateway). The request carries a strict JSON schema made
 * from the zod contract, narrowed to this workflow's keys and this
 * transcript's ids, so servers with constrained decoding cannot emit an
 * unknown key or id; the shared parser validates anyway.
 */
export const HostedDrafterOptionsSchema = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  model: z.string().min(1).max(200),
  temperature: z.number().min(0).max(2),
  maxTokens: z.number().int().positive(),
  timeoutMs: z.number().int().positive().default(120_000),
  /** the SDK retries 408/409/429/5xx and connection errors with exponential backoff */
  maxRetries: z.number().int().min(0).max(10).default(2),
});
export type HostedDrafterOptions = z.input<typeof HostedDrafterOptionsSchema>;

/** The zod contract as a JSON schema, restricted to the request's keys and segment ids. */
export function draftJsonSchema(request: DraftRequest): Record<string, unknown> {
  const keys = requestedSections(request.workflow, request.onlySections).map((s) => s.key);
  const ids = request.segments.map((s) => s.id);
  const sentence = z.object({ text: z.string().min(1).max(2000), evidence: z.array(ids.length > 0 ? z.enum(ids as [string, ...string[]]) : z.string()).max(20) });
  const schema = z.object({ sections: z.array(z.object({ key: z.enum(keys as [string, ...string[]]), sentences: z.array(sentence).max(60) })).max(20) });
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  return json;
}

const ChoiceSchema = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1) });

/**
 * A server that validates structured output itself (this project's gateway)
 * refuses a non-conforming answer with 422 `invalid_model_output` and the
 * validation errors (paths, no text): that is a repairable answer, not a failure.
 */
const RejectionSchema = z.object({ message: z.string().max(2000) });
function schemaRejection(error: unknown): string[] | null {
  if (!(error instanceof APIError) || error.status !== 422 || error.code !== 'invalid_model_output') return null;
  const message = RejectionSchema.safeParse(error.error).data?.message;
  return [message ?? 'Svaret följde inte JSON-schemat.'];
}

export class HostedDrafter extends ChatDrafter {
  readonly info: DrafterInfo;
  private readonly options: z.output<typeof HostedDrafterOptionsSchema>;
  private readonly client: OpenAI;

  constructor(options: HostedDrafterOptions) {
    super();
    this.options = HostedDrafterOptionsSchema.parse(options);
    this.client = new OpenAI({
      baseURL: this.options.baseUrl,
      apiKey: this.options.apiKey,
      timeout: this.options.timeoutMs,
      maxRetries: this.options.maxRetries,
    });
    this.info = { drafterId: `hosted:${this.options.model}`, modelId: this.options.model };
  }

  protected async complete({ messages, request }: CompletionRequest): Promise<Completion> {
    try {
      const response = await this.client.chat.completions.create(
        {
          model: this.options.model,
          messages,
          temperature: this.options.temperature,
          max_tokens: this.options.maxTokens,
          response_format: { type: 'json_schema', json_schema: { name: 'journalanteckning', strict: true, schema: draftJsonSchema(request) } },
        },
        request.signal ? { signal: request.signal } : {},
      );
      const content = ChoiceSchema.safeParse(response).data?.choices[0]?.message.content;
      return content ? { text: content } : { rejected: ['Svaret var tomt.'] };
    } catch (error) {
      const rejected = schemaRejection(error);
      if (rejected) return { rejected };
      throw this.failure(error);
    }
  }

  /** Vendor errors → the project's; the remote server's own message is not copied (it may echo input). */
  private failure(error: unknown): unknown {
    if (error instanceof APIUserAbortError) return error;
    const where = `(${this.options.model} på ${new URL(this.options.baseUrl).host})`;
    if (error instanceof APIConnectionError) {
      return new JobFailure('hosted_unreachable', `Språkmodelltjänsten svarade inte ${where}. Försök igen om en stund.`);
    }
    if (!(error instanceof APIError)) return error;
    const code = error.code && /^[\w.-]{1,60}$/.test(error.code) ? ` [${error.code}]` : '';
    switch (error.status) {
      case 401:
      case 403:
        return new JobFailure('hosted_auth', `Språkmodelltjänsten nekade åtkomst ${where}${code}. Kontrollera LLM_HOSTED_API_KEY.`);
      case 404:
        return new JobFailure('hosted_model_missing', `Modellen finns inte hos språkmodelltjänsten ${where}${code}.`);
      case 429:
        return new JobFailure('hosted_rate_limited', `Språkmodelltjänsten är överbelastad ${where}, även efter nya försök. Försök igen senare.`);
      default:
        return new JobFailure('hosted_error', `Språkmodelltjänsten svarade med fel ${error.status ?? ''} ${where}${code}.`);
    }
  }

  async dispose(): Promise<void> {
    // The SDK keeps no open resources beyond keep-alive sockets, which close on their own.
  }
}
