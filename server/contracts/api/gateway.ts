import { z } from 'zod';

/**
 * Answers of the OpenAI-compatible `/v1` gateway (server/modules/gateway),
 * in OpenAI's shapes so any OpenAI client reads them. A gateway route
 * answers its failures itself, as `{ error: {…} }` (not problem+json), so
 * each route's contract is its answer or that error.
 */
const OpenAiErrorSchema = z.object({ error: z.object({ message: z.string(), type: z.string(), param: z.string().nullable(), code: z.string().nullable() }) });
export type OpenAiErrorBody = z.infer<typeof OpenAiErrorSchema>;
const orError = <S extends z.ZodType>(answer: S) => z.union([answer, OpenAiErrorSchema]);

/** POST /v1/audio/transcriptions: `json` gives the text, `verbose_json` also the segments (`text` is sent as text/plain). */
const TranscriptionJson = z.object({ text: z.string() });
const TranscriptionVerbose = TranscriptionJson.extend({
  task: z.literal('transcribe'),
  language: z.string(),
  duration: z.number(),
  segments: z.array(z.object({ id: z.number().int(), start: z.number(), end: z.number(), text: z.string(), speaker: z.string().optional() })),
});
export const TranscriptionAnswerSchema = orError(z.union([TranscriptionVerbose, TranscriptionJson]));

/** POST /v1/chat/completions (non-streaming) */
export const ChatCompletionAnswerSchema = orError(
  z.object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        finish_reason: z.enum(['stop', 'length']),
        logprobs: z.null(),
      }),
    ),
    usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() }),
  }),
);

/** GET /v1/models: the local chat model, or none when it is not installed. */
export const ModelListAnswerSchema = orError(
  z.object({ object: z.literal('list'), data: z.array(z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() })) }),
);
