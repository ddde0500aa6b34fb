import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Role } from '../contracts/roles';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../modules/auth/session-user';

export type { SessionUser };

/**
 * Every endpoint is one RouteDef: method, path, who may call it, the zod
 * schemas of its params/query/body, what it writes to the access log, and a
 * handler. The router (router.ts) does authentication, role checks,
 * validation, auditing and error mapping in one place, and the route × role
 * test walks the same table.
 */
export type Access = 'public' | 'authenticated' | 'apiKey' | readonly Role[];

export interface AuditSpec<P, Q, B> {
  /** e.g. "encounter.read" */
  action: string;
  kind: 'read' | 'write' | 'delete' | 'export' | 'login';
  /** the encounter touched, when the route is about one */
  encounterId?: (ctx: { params: P; query: Q; body: B }) => string | undefined | null;
  /**
   * the route's `:id` names a row of this kind that belongs to an encounter:
   * the router looks the encounter up when the handler did not (e.g. a role
   * was refused before it ran), so every access is in that encounter's extract
   */
  subject?: AuditSubject;
}

export type AuditSubject = 'recording' | 'draft' | 'note' | 'transcript';

/** The handler's user: always there on a route that needs a session, possibly null on a public or API-key route. */
export type UserFor<A extends Access> = A extends 'public' | 'apiKey' ? SessionUser | null : SessionUser;

export interface RouteContext<P, Q, B, A extends Access = Access> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  user: UserFor<A>;
  deps: AppDeps;
  requestId: string;
  /** set by a handler that creates an encounter, so the audit row names it */
  auditEncounterId?: string;
  /** extra ids/hashes for the audit row; never text */
  auditDetails?: Record<string, string | number | boolean>;
  /**
   * write the access-log row (success) now: handlers that stream their own
   * answer (files, server-sent events) call it before the first byte leaves,
   * so no data goes out without its row
   */
  auditNow(): Promise<void>;
}

export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
    /** send `body` (text or bytes) as it is instead of as JSON */
    readonly raw = false,
  ) {}
}
/** A text or file answer, sent by the router after its access-log row is written. */
export const rawReply = (body: string | Buffer, headers: Record<string, string>) => new Reply(200, body, headers, true);
export const created = (body: unknown, location?: string) => new Reply(201, body, location ? { Location: location } : {});
export const accepted = (body: unknown, location: string) => new Reply(202, body, { Location: location });
export const noContent = () => new Reply(204);

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteDef<PS = unknown, QS = unknown, BS = unknown, A extends Access = Access> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: A;
  /** routes a user with a one-time password may still call */
  allowWithOneTimePassword?: boolean;
  params?: PS;
  query?: QS;
  body?: BS;
  /** multipart/raw routes parse their own body (e.g. audio) */
  rawBody?: 'audio' | 'multipart';
  audit?: AuditSpec<Infer<PS>, Infer<QS>, Infer<BS>>;
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>, A>) => Promise<unknown>;
  /** short Swedish description, shown in the route table test output */
  summary: string;
}

/** Identity helper so TypeScript infers the handler's types from the schemas. */
export function route<
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  const A extends Access = Access,
>(def: RouteDef<PS, QS, BS, A>): RouteDef {
  return def as unknown as RouteDef;
}
