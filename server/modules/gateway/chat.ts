import crypto from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { ChatCompletionAnswerSchema, ModelListAnswerSchema } from '../../contracts/api/gateway';
import { AppError, serviceUnavailable } from '../../errors';
import { route, type RouteDef } from '../../http/route';
import { extractJson } from '../../pipeline/draft/parse-output';
import type { ChatMessage } from '../../pipeline/llm/chat-model';
import { gatewayHandler, openAiError } from './auth-errors';

/**
 * `/v1/chat/completions` in OpenAI's format, served by the local chat model
 * (LLM_LOCAL_MODEL from MODELS_DIR). Other regional tools, and this
 * project's own hosted drafter in tests, use it as any OpenAI-compatible
 * endpoint. Non-streaming only. `response_format: json_schema` cannot be
 * enforced while decoding, so the schema becomes an instruction and the
 * answer is validated against it: a non-conforming answer is refused with
 * 422 `invalid_model_output`, never passed on as if it conformed.
 */
const TextPart = z.object({ type: z.literal('text'), text: z.string() });
const MessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(TextPart).min(1)]),
});
const ResponseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({ name: z.string().max(64), strict: z.boolean().nullish(), schema: z.record(z.string(), z.unknown()).optional() }),
  }),
]);
export const ChatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(200),
  messages: z.array(MessageSchema).min(1).max(200),
  max_tokens: z.number().int().positive().max(8192).nullish(),
  max_completion_tokens: z.number().int().positive().max(8192).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  n: z.literal(1).nullish(),
  stream: z.boolean().nullish(),
  response_format: ResponseFormatSchema.optional(),
});
type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;

/** OpenAI's defaults: temperature 1; our cap on answer length when the client gives none. */
const DEFAULT_TEMPERATURE = 1;
const DEFAULT_MAX_TOKENS = 1024;
const MAX_SCHEMA_ERRORS = 8;

function toMessages(body: ChatCompletionRequest): ChatMessage[] {
  const messages: ChatMessage[] = body.messages.map((m) => ({
    role: m.role === 'developer' ? 'system' : m.role,
    content: typeof m.content === 'string' ? m.content : m.content.map((p) => p.text).join('\n'),
  }));
  const format = body.response_format;
  if (format?.type === 'json_schema' && format.json_schema.schema) {
    messages.push({ role: 'system', content: `Svara endast med JSON som följer detta JSON-schema, utan annan text:\n${JSON.stringify(format.json_schema.schema)}` });
  } else if (format?.type === 'json_object') {
    messages.push({ role: 'system', content: 'Svara endast med ett JSON-objekt, utan annan text.' });
  }
  return messages;
}

/** The answer as the client asked for it, or a 422 naming what is wrong (paths, not content). */
function conform(text: string, format: ChatCompletionRequest['response_format']): string {
  if (!format || format.type === 'text') return text;
  const json = extractJson(text);
  let value: unknown;
  try {
    value = json === null ? undefined : JSON.parse(json);
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalidOutput(['svaret är inte giltig JSON']);
  if (format.type === 'json_schema' && format.json_schema.schema) {
    const result = z.fromJSONSchema(format.json_schema.schema as never).safeParse(value);
    if (!result.success) {
      throw invalidOutput(result.error.issues.slice(0, MAX_SCHEMA_ERRORS).map((i) => `${i.path.join('.') || '(rot)'}: ${i.code}`));
    }
  }
  return JSON.stringify(value);
}

const invalidOutput = (problems: string[]) =>
  new AppError(422, 'invalid_model_output', 'Ogiltigt modellsvar', `Modellens svar följde inte det begärda formatet: ${problems.join('; ')}.`);

async function complete(deps: AppDeps, body: ChatCompletionRequest, signal: AbortSignal) {
  const registry = deps.services.localChatModels;
  if (body.model !== registry.defaultModelId) {
    throw new AppError(404, 'model_not_found', 'Modellen finns inte', `Modellen "${body.model.slice(0, 80)}" finns inte här; tillgänglig: ${registry.defaultModelId}.`);
  }
  const model = registry.get(body.model);
  const status = await model.status();
  if (status.state === 'missing') throw serviceUnavailable(status.howToInstall, 'model_missing');
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_TOKENS;
  // A model that cannot load throws a PipelineError, which gatewayHandler answers in OpenAI's shape.
  const result = await model.generate(toMessages(body), { maxTokens, temperature: body.temperature ?? DEFAULT_TEMPERATURE, signal });
  return { result, maxTokens };
}

export const gatewayChatRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/chat/completions',
    response: ChatCompletionAnswerSchema,
    // Authenticated by API key inside gatewayHandler, so that failures come back in OpenAI's error shape.
    access: 'public',
    summary: 'OpenAI-kompatibel chatt mot den lokala språkmodellen',
    handler: gatewayHandler(ChatCompletionRequestSchema, async ({ deps, body, res }) => {
      if (body.stream) return openAiError(400, 'Strömmande svar (stream: true) stöds inte av denna server; skicka stream: false.', 'unsupported_parameter', 'stream');
      // A client that hangs up stops the generation instead of keeping a core busy.
      const controller = new AbortController();
      const onClose = () => {
        if (!res.writableFinished) controller.abort();
      };
      res.on('close', onClose);
      try {
        const { result, maxTokens } = await complete(deps, body, controller.signal);
        const content = conform(result.text, body.response_format);
        return {
          id: `chatcmpl-${crypto.randomBytes(12).toString('hex')}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null },
              finish_reason: result.completionTokens >= maxTokens ? 'length' : 'stop',
              logprobs: null,
            },
          ],
          usage: { prompt_tokens: result.promptTokens, completion_tokens: result.completionTokens, total_tokens: result.promptTokens + result.completionTokens },
        };
      } finally {
        res.off('close', onClose);
      }
    }),
  }),
  route({
    method: 'get',
    path: '/models',
    response: ModelListAnswerSchema,
    access: 'public',
    summary: 'Modeller som gatewayen serverar',
    handler: gatewayHandler(null, async ({ deps }) => {
      const registry = deps.services.localChatModels;
      const status = await registry.get().status();
      if (status.state === 'missing') return { object: 'list', data: [] };
      return { object: 'list', data: [{ id: registry.defaultModelId, object: 'model', created: 0, owned_by: 'journalverkstan' }] };
    }),
  }),
];
