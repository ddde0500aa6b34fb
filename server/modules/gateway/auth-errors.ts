import type { z } from 'zod';
import type { OpenAiErrorBody } from '../../contracts/api/gateway';
import { AppError, asAppError, badRequest } from '../../errors';
import { Reply, type RouteContext } from '../../http/route';
import { authenticateApiKey } from '../admin/api-keys';

/**
 * OpenAI clients read errors as `{ error: { message, type, param, code } }`,
 * not problem+json. The shared router answers its own failures (API key,
 * validation) in problem+json before a handler runs, so gateway routes are
 * mounted as `public` and run the very same checks here, inside the handler,
 * where every failure can be answered in OpenAI's shape (the routes'
 * contracts, contracts/api/gateway.ts, name it beside each answer).
 */

function typeFor(status: number): string {
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function openAiError(status: number, message: string, code: string | null, param: string | null = null): Reply<OpenAiErrorBody> {
  const body: OpenAiErrorBody = { error: { message, type: typeFor(status), param, code } };
  return new Reply(status, body);
}

export function fromAppError(error: AppError): Reply<OpenAiErrorBody> {
  const field = error.errors?.[0]?.field.replace(/^body\./, '') ?? null;
  const details = error.errors?.map((e) => `${e.field.replace(/^body\./, '')}: ${e.message}`).join('; ');
  const message = [error.detail ?? error.title, details].filter(Boolean).join(' ');
  return new Reply(error.status, { error: { message, type: typeFor(error.status), param: field, code: error.code } } satisfies OpenAiErrorBody, error.headers ?? {});
}

export type GatewayHandler<B, R> = (ctx: RouteContext<unknown, unknown, unknown> & { body: B; apiKeyId: string }) => Promise<R>;

/**
 * Authenticates the API key, validates the body with `schema`, runs the
 * handler, and maps every failure to the OpenAI error shape. Unexpected
 * errors are logged by class and stack only and answered generically.
 */
export function gatewayHandler<S extends z.ZodType, R>(schema: S | null, handler: GatewayHandler<z.output<S>, R>) {
  return async (ctx: RouteContext<unknown, unknown, unknown>): Promise<R | Reply<OpenAiErrorBody>> => {
    try {
      const apiKeyId = await authenticateApiKey(ctx.deps, ctx.req);
      let body: z.output<S> = undefined as z.output<S>;
      if (schema) {
        const parsed = schema.safeParse(ctx.req.body ?? {});
        if (!parsed.success) {
          throw badRequest(
            'Några fält har fel värden.',
            parsed.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), message: i.message })),
          );
        }
        body = parsed.data;
      }
      return await handler({ ...ctx, body, apiKeyId });
    } catch (error) {
      const problem = asAppError(error);
      if (problem) return fromAppError(problem);
      ctx.deps.logger.error('gateway.unhandled', { requestId: ctx.requestId, error });
      return openAiError(500, `Ett oväntat fel inträffade (fel-id ${ctx.requestId}).`, 'internal');
    }
  };
}
