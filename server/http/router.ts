import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError, badRequest, forbidden, passwordChangeRequired, unauthenticated, zodProblems } from '../errors';
import { authenticateApiKey } from '../modules/admin/api-keys';
import { Reply, type RouteContext, type RouteDef, type SessionUser } from './route';

/** Requests carry these once the session middleware ran. */
export interface Locals {
  requestId: string;
  user: SessionUser | null;
}

function parsePart(where: 'body' | 'query' | 'params', schema: unknown, value: unknown): unknown {
  if (!schema) return undefined;
  const parsed = (schema as z.ZodType).safeParse(value ?? {});
  if (!parsed.success) throw badRequest('Några fält har fel värden.', zodProblems(where, parsed.error));
  return parsed.data;
}

function checkAccess(def: RouteDef, user: SessionUser | null): void {
  if (def.access === 'public' || def.access === 'apiKey') return;
  if (!user) throw unauthenticated();
  if (user.mustChangePassword && !def.allowWithOneTimePassword) throw passwordChangeRequired();
  if (def.access === 'authenticated') return;
  if (!def.access.some((role) => user.roles.includes(role))) throw forbidden();
}

function outcomeOf(status: number): 'success' | 'denied' | 'error' {
  if (status < 400) return 'success';
  return status === 401 || status === 403 ? 'denied' : 'error';
}

/** Mount a table of routes on a router; everything shared happens here. */
export function mountRoutes(router: Router, defs: RouteDef[], deps: AppDeps): void {
  for (const def of defs) {
    router[def.method](def.path, async (req: Request, res: Response, next: NextFunction) => {
      const locals = res.locals as Locals;
      const ctx: RouteContext<unknown, unknown, unknown> = {
        req,
        res,
        params: undefined,
        query: undefined,
        body: undefined,
        user: locals.user,
        deps,
        requestId: locals.requestId,
      };
      // The access-log row is written before the answer leaves, so a client
      // that has its answer can rely on the row being there.
      const audit = async (status: number) => {
        if (!def.audit) return;
        const a = def.audit;
        const encounterId =
          ctx.auditEncounterId ??
          safe(() => a.encounterId?.({ params: ctx.params ?? req.params, query: ctx.query, body: ctx.body } as never)) ??
          null;
        await deps.audit.record({
          user: locals.user,
          action: a.action,
          kind: a.kind,
          encounterId,
          outcome: outcomeOf(status),
          requestId: locals.requestId,
          details: ctx.auditDetails,
        });
      };
      let result: unknown;
      try {
        if (def.access === 'apiKey') await authenticateApiKey(deps, req);
        checkAccess(def, locals.user);
        ctx.params = parsePart('params', def.params, req.params);
        ctx.query = parsePart('query', def.query, req.query);
        ctx.body = def.rawBody ? undefined : parsePart('body', def.body, req.body);
        result = await def.handler(ctx as never);
      } catch (error) {
        await audit(error instanceof AppError ? error.status : 500);
        return next(error);
      }
      if (res.headersSent) {
        // Streaming handlers (files, server-sent events) answered themselves.
        await audit(res.statusCode);
        return;
      }
      const reply = result instanceof Reply ? result : result === undefined ? new Reply(204) : new Reply(200, result);
      await audit(reply.status);
      res.status(reply.status).set(reply.headers);
      if (reply.body === undefined) res.end();
      else res.json(reply.body);
    });
  }
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function jsonBody(limitKb: number) {
  return express.json({ limit: `${limitKb}kb`, strict: true });
}
