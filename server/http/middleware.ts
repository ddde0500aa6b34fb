import crypto from 'node:crypto';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../deps';
import { AppError, badRequest, notFound, toProblem, tooLarge } from '../errors';

/** Accept a caller's request id only if it looks like one; never echo arbitrary text. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

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

export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`Adressen ${req.method} ${req.baseUrl}${req.path.replace(/[^\w/.-]/g, '')}`));

/** Map body-parser's own errors to the project's error type. */
function fromBodyParser(error: { type?: string; status?: number }): AppError | null {
  if (error.type === 'entity.parse.failed') return badRequest('Begäran innehåller ogiltig JSON.', [{ field: 'body', message: 'Ogiltig JSON' }]);
  if (error.type === 'entity.too.large') return tooLarge('Begäran är för stor.');
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') return badRequest('Teckenkodningen stöds inte.');
  return null;
}

/**
 * The one place errors become responses: AppError → its problem+json; any
 * other error → a generic 500 whose cause is logged (class and stack only)
 * and never sent to the client.
 */
export function errorHandler(deps: AppDeps): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestIdValue = res.locals.requestId as string | undefined;
    let appError = error instanceof AppError ? error : fromBodyParser(error as { type?: string });
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
      .send(JSON.stringify(toProblem(appError, requestIdValue, req.originalUrl.split('?')[0] ?? '')));
  };
}
