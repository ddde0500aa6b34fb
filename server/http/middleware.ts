import crypto from 'node:crypto';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../deps';
import { svNumber } from '../contracts/sv-number';
import { AppError, asAppError, badRequest, notFound, toProblem, tooLarge, unsupportedMedia } from '../errors';

/** Accept a caller's request id only if it looks like one; never echo arbitrary text. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/** The matched route's pattern ("/api/v1/encounters/:id"): names the resource without echoing the caller's ids. */
function routePattern(res: Response): string | undefined {
  return typeof res.locals.routePattern === 'string' ? res.locals.routePattern : undefined;
}

/** One line per request: route pattern, never the URL's ids or query values. */
export function accessLog(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/api/v1/health') return;
      deps.logger.info('http', {
        requestId: res.locals.requestId,
        userId: res.locals.user?.id,
        method: req.method,
        route: req.route?.path ? `${req.baseUrl}${req.route.path}` : req.path.startsWith('/api') ? 'unmatched' : 'static',
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  };
}

/** Unknown address; the path is not echoed (it may hold anything a caller typed, a personnummer too). */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound('Adressen'));

/**
 * Map the libraries' own errors to the project's error type: body-parser's
 * invalid JSON, too large, an unsupported Content-Encoding or charset; a
 * compressed body that does not inflate (gzip/deflate/br with bad bytes,
 * which zlib reports without a body-parser type); and the router's URIError
 * for a path that is not valid percent-encoding.
 */
function fromBodyParser(error: { type?: string; status?: number; code?: string; limit?: number }): AppError | null {
  if (error.type === 'entity.parse.failed') return badRequest('Begäran innehåller ogiltig JSON.', [{ field: 'body', message: 'Ogiltig JSON' }]);
  // the limit, so a caller knows how much to cut (BODY_LIMIT_KB; body-parser reports it in bytes)
  if (error.type === 'entity.too.large') return tooLarge(`Begäran är för stor.${typeof error.limit === 'number' ? ` Högst ${sizeText(error.limit)} tas emot.` : ''}`);
  if (error.type === 'encoding.unsupported') return unsupportedMedia('Innehållskodningen (Content-Encoding) stöds inte. Använd gzip, deflate, br eller ingen.');
  if (error.type === 'charset.unsupported') return unsupportedMedia('Teckenkodningen stöds inte. Använd UTF-8.');
  // zlib names its errors Z_* (gzip, deflate) and ERR__* (brotli)
  if (typeof error.code === 'string' && /^(Z_|ERR__)/.test(error.code)) return badRequest('Den komprimerade begäran kunde inte packas upp.', [{ field: 'headers.content-encoding', message: 'Innehållet stämmer inte med kodningen' }]);
  // The router could not percent-decode a path parameter (e.g. "%E0%A4%A").
  if (error instanceof URIError) return badRequest('Adressen innehåller ogiltig teckenkodning.', [{ field: 'params', message: 'Ogiltig procentkodning' }]);
  if (error.type === 'request.aborted' || error.type === 'request.size.invalid' || error.type === 'stream.encoding.set') return badRequest('Begäran kom inte fram hel.');
  return null;
}

/** Bytes as a reader says them: "1 MB", "512 kB", "1,5 MB". */
function sizeText(bytes: number): string {
  const kb = bytes / 1024;
  return kb >= 1024 ? `${svNumber(kb / 1024, 1)} MB` : `${svNumber(kb, 0)} kB`;
}

/**
 * The one place errors become responses: an AppError or a PipelineError →
 * its problem+json (`asAppError`); any other error → a generic 500 whose
 * cause is logged (class and stack only) and never sent to the client.
 */
export function errorHandler(deps: AppDeps): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestIdValue = res.locals.requestId as string | undefined;
    let appError = asAppError(error) ?? fromBodyParser(error as { type?: string });
    if (!appError) {
      deps.logger.error('http.unhandled', { requestId: requestIdValue, method: req.method, error });
      appError = new AppError(500, 'internal', 'Något gick fel', 'Ett oväntat fel inträffade. Försök igen; kvarstår felet, kontakta förvaltningen och ange fel-id.');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res
      .status(appError.status)
      .set(appError.headers ?? {})
      .type('application/problem+json')
      .send(JSON.stringify(toProblem(appError, requestIdValue, routePattern(res))));
  };
}
