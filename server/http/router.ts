import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { AppDeps } from '../deps';
import { asAppError, badRequest, forbidden, passwordChangeRequired, unauthenticated, zodProblems } from '../errors';
import { authenticateApiKey } from '../modules/admin/api-keys';
import { encounterOfSubject, existingEncounterId } from '../modules/audit/subject';
import { refuseNul } from './guards';
import { checkResponse, checksResponses } from './response-check';
import { Reply, type Access, type Guard, type GuardContext, type RouteContext, type RouteDef, type SessionUser } from './route';

/** Requests carry these once the session middleware ran. */
export interface Locals {
  requestId: string;
  user: SessionUser | null;
  /** "/api/v1/encounters/:id": names the resource in problems without echoing ids */
  routePattern?: string;
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

function runGuard(guard: Guard, ctx: RouteContext<unknown, unknown, unknown, Access, unknown>): Promise<unknown> {
  if (!ctx.user) throw unauthenticated();
  const id = (ctx.params as Record<string, unknown> | undefined)?.[guard.param];
  if (typeof id !== 'string') throw new Error(`guard param :${guard.param} is not in the route's params`);
  return guard.load(ctx as GuardContext, id);
}

function outcomeOf(status: number): 'success' | 'denied' | 'error' {
  if (status < 400) return 'success';
  return status === 401 || status === 403 ? 'denied' : 'error';
}

/** The encounter an access-log row names; see audit/subject.ts for why ids are checked. */
async function auditEncounterId(deps: AppDeps, def: RouteDef, ctx: RouteContext<unknown, unknown, unknown, Access, unknown>, req: Request): Promise<string | null> {
  if (ctx.auditEncounterId) return ctx.auditEncounterId;
  const a = def.audit!;
  const mapped = safe(() => a.encounterId?.({ params: ctx.params ?? req.params, query: ctx.query ?? req.query, body: ctx.body } as never));
  if (mapped) return existingEncounterId(deps, mapped);
  if (a.subject) return encounterOfSubject(deps, a.subject, req.params.id);
  return null;
}

/** Mount a table of routes on a router; everything shared happens here. */
export function mountRoutes(router: Router, defs: RouteDef[], deps: AppDeps): void {
  const checking = checksResponses(deps.env);
  for (const def of defs) {
    router[def.method](def.path, async (req: Request, res: Response, next: NextFunction) => {
      const locals = res.locals as Locals;
      locals.routePattern = `${req.baseUrl}${def.path}`;
      let audited = false;
      // The access-log row is written before the answer leaves, and a row
      // that cannot be written fails the request (no access without its row).
      const audit = async (status: number) => {
        if (!def.audit || audited) return;
        audited = true;
        await deps.audit.record({
          user: locals.user,
          action: def.audit.action,
          kind: def.audit.kind,
          encounterId: await auditEncounterId(deps, def, ctx, req),
          outcome: outcomeOf(status),
          requestId: locals.requestId,
          details: ctx.auditDetails,
        });
      };
      const ctx: RouteContext<unknown, unknown, unknown, Access, unknown> = {
        req,
        res,
        params: undefined,
        query: undefined,
        body: undefined,
        user: locals.user,
        resource: undefined,
        deps,
        requestId: locals.requestId,
        auditNow: () => audit(200),
      };
      let result: unknown;
      try {
        if (def.access === 'apiKey') await authenticateApiKey(deps, req);
        checkAccess(def, locals.user);
        refuseNul({ params: req.params, query: req.query, ...(def.rawBody ? {} : { body: req.body }) });
        ctx.params = parsePart('params', def.params, req.params);
        // The guard decides before the query and body are read: a stranger learns nothing from their validation.
        if (def.guard) ctx.resource = await runGuard(def.guard, ctx);
        ctx.query = parsePart('query', def.query, req.query);
        ctx.body = def.rawBody ? undefined : parsePart('body', def.body, req.body);
        result = await def.handler(ctx as never);
      } catch (error) {
        // The refusal is sent even when its row cannot be written: it gives nothing away.
        await audit(asAppError(error)?.status ?? 500).catch(() => undefined);
        return next(error);
      }
      if (res.headersSent) {
        // Streaming handlers answered themselves (after auditNow()).
        await audit(res.statusCode).catch(() => undefined);
        return;
      }
      const reply = result instanceof Reply ? result : result === undefined ? new Reply(204) : new Reply(200, result);
      try {
        if (checking && !reply.raw) checkResponse(def, reply.body);
      } catch (error) {
        await audit(500).catch(() => undefined);
        return next(error);
      }
      try {
        await audit(reply.status);
      } catch (error) {
        return next(error);
      }
      res.status(reply.status).set(reply.headers);
      if (reply.body === undefined) res.end();
      else if (reply.raw) res.send(reply.body);
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
