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

export interface RouteContext<P, Q, B, A extends Access = Access, R = undefined> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  user: UserFor<A>;
  /** the row the route's guard loaded and let this user reach (undefined without a guard) */
  resource: R;
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

/** The kinds of row a guard loads: encounter data (the clinician's own) and co-design rows (a working group's). */
export type GuardKind =
  | 'encounter' | 'recording' | 'draft' | 'note' | 'transcript'
  | 'group' | 'workflow' | 'testCase' | 'trainingCase' | 'evalRun' | 'ratingRound' | 'trainingRound';

/**
 * Who a guard lets through: `owner` the clinician who created the encounter;
 * `member` the group's designers and any lead or admin; `designer` the
 * group's designers only; `rater`/`participant` those a round names;
 * `memberOrRater`, `memberOrParticipant` either; `results` members, and
 * raters once the round is closed.
 */
export type GuardRule = 'owner' | 'member' | 'designer' | 'rater' | 'memberOrRater' | 'results' | 'participant' | 'memberOrParticipant';

/**
 * A guard declared in the route table: the router loads the row named by
 * `params[param]` and checks the rule before the query and body are read
 * and before the handler runs, which then gets the row as `ctx.resource`. A
 * missing row is 404 for everyone; a row the user may not reach is 403.
 * `kind` and `rule` are data so the route × role test can build a row of
 * another clinician or group and expect the refusal.
 */
export interface Guard<R = unknown> {
  kind: GuardKind;
  rule: GuardRule;
  param: string;
  load(ctx: GuardContext, id: string): Promise<R>;
}
/** What a guard sees: a signed-in user (guards are only for session routes) and the parsed params. */
export type GuardContext = RouteContext<unknown, unknown, unknown, 'authenticated', unknown>;

export class Reply<B = unknown> {
  constructor(
    readonly status: number,
    readonly body?: B,
    readonly headers: Record<string, string> = {},
    /** send `body` (text or bytes) as it is instead of as JSON */
    readonly raw = false,
  ) {}
}
/** A text or file answer, sent by the router after its access-log row is written. */
export const rawReply = (body: string | Buffer, headers: Record<string, string>) => new Reply(200, body, headers, true);
export const created = <B>(body: B, location?: string) => new Reply(201, body, location ? { Location: location } : {});
export const accepted = <B>(body: B, location: string) => new Reply(202, body, { Location: location });
export const noContent = () => new Reply<undefined>(204);

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * Answers that are not one JSON document: a file or text download, a stream,
 * server-sent events or a redirect (the sign-in hand-over). Such a route says so instead of naming a schema, so
 * the route-table test can tell a forgotten contract from a deliberate one.
 */
export const NOT_JSON = ['file', 'stream', 'events', 'redirect'] as const;
export type NotJson = (typeof NOT_JSON)[number];

/**
 * What a handler may return for a response schema: the schema's wire shape
 * (its input: what the client parses), where any text may still be a Date
 * (JSON sends it as ISO text). A status from a vocabulary may be any string
 * here, because the database column is plain text; the run-time check
 * (http/response-check.ts) holds it to the vocabulary in tests.
 */
type Sendable<T> = T extends string
  ? string | Date
  : T extends readonly (infer U)[]
    ? readonly Sendable<U>[]
    : T extends object
      ? { [K in keyof T]: Sendable<T[K]> }
      : T;
type Body<RS> = RS extends z.ZodType ? Sendable<z.input<RS>> : unknown;
/** A handler's answer: the body itself, or a Reply carrying it (or a raw text/file answer). */
export type HandlerResult<RS> = RS extends z.ZodType ? Body<RS> | Reply<Body<RS>> | Reply<string | Buffer> : unknown;

export interface RouteDef<PS = unknown, QS = unknown, BS = unknown, A extends Access = Access, RS = unknown, R = unknown> {
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
  /** the row this route is about and who may reach it (see Guard); its handler gets the row as `ctx.resource` */
  guard?: Guard<R>;
  /**
   * the answer's contract (server/contracts/api), required so no route goes
   * without one: the handler's return type is checked against it when
   * compiling, and the answer is parsed with it outside production
   * (http/response-check.ts); the client parses with the same schema. A
   * route that answers with a file, stream, events or a redirect says so.
   */
  response: RS | NotJson;
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>, A, R>) => Promise<HandlerResult<RS>>;
  /** short Swedish description, shown in the route table test output */
  summary: string;
}

/** Identity helper so TypeScript infers the handler's types from the schemas. */
export function route<
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  const A extends Access = Access,
  RS extends z.ZodType | undefined = undefined,
  R = undefined,
>(def: RouteDef<PS, QS, BS, A, RS, R>): RouteDef {
  return def as unknown as RouteDef;
}
