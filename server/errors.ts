import type { z } from 'zod';

/**
 * The one error type of the server. Anything thrown that is not an AppError
 * becomes a generic 500 whose cause is logged (without patient data) and
 * never sent to the client. `title` and `detail` are Swedish because the UI
 * shows them as they are; `code` is stable for programs.
 */
export interface FieldProblem {
  /** where the bad value is: "body.password", "query.from", "params.id" */
  field: string;
  message: string;
  /** where in the field's text the problem is (character offsets), e.g. a personnummer in a test case */
  span?: { start: number; end: number; kind: string };
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${code}: ${title}`);
  }
}

/**
 * A failure of background work (a job, a pipeline step) the user should read:
 * Swedish, no patient data, a stable code. The job runner stores it on the
 * Job row as it is; anything else a job throws is logged and shown as a
 * generic failure.
 */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (detail: string, errors?: FieldProblem[]) =>
  new AppError(400, 'bad_request', 'Ogiltig begäran', detail, errors);
export const unauthenticated = (detail = 'Du behöver logga in.') =>
  new AppError(401, 'unauthenticated', 'Inte inloggad', detail);
export const forbidden = (detail = 'Din roll har inte behörighet till detta.') =>
  new AppError(403, 'forbidden', 'Saknar behörighet', detail);
export const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', 'Byt lösenord', 'Du måste byta ditt engångslösenord innan du fortsätter.');
export const notFound = (what = 'Resursen') => new AppError(404, 'not_found', 'Hittades inte', `${what} finns inte.`);
export const conflict = (detail: string, code = 'conflict') => new AppError(409, code, 'Konflikt', detail);
export const tooLarge = (detail: string) => new AppError(413, 'too_large', 'För stor', detail);
export const unsupportedMedia = (detail: string) => new AppError(415, 'unsupported_media_type', 'Filformatet stöds inte', detail);
export const unprocessable = (detail: string, errors?: FieldProblem[], code = 'unprocessable') =>
  new AppError(422, code, 'Kunde inte behandlas', detail, errors);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', 'För många försök', `Vänta ${Math.ceil(retryAfterSeconds / 60)} minuter och försök igen.`, undefined, {
    'Retry-After': String(Math.ceil(retryAfterSeconds)),
  });
export const serviceUnavailable = (detail: string, code = 'unavailable') =>
  new AppError(503, code, 'Tjänsten är inte tillgänglig', detail);

/** zod issues → field problems; messages in Swedish, never echoing the value. */
export function zodProblems(where: 'body' | 'query' | 'params', error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: swedishIssue(issue),
  }));
}

/** zod's own English messages; anything else was written by us in a schema and is kept. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)/;

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'tal', int: 'heltal', boolean: 'sant eller falskt', array: 'lista', object: 'objekt', date: 'datum' };

function swedishIssue(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of an issue unless asked to (it may be patient text), so "missing" is read from its message.
      return /received undefined$/.test(issue.message) ? 'Saknas' : `Fel typ (förväntade ${TYPE_NAMES[issue.expected] ?? issue.expected})`;
    case 'too_small':
      return issue.origin === 'string' ? `För kort (minst ${issue.minimum} tecken)` : `För litet (minst ${issue.minimum})`;
    case 'too_big':
      return issue.origin === 'string' ? `För långt (högst ${issue.maximum} tecken)` : `För stort (högst ${issue.maximum})`;
    case 'invalid_value':
      return `Ogiltigt värde (tillåtna: ${issue.values.map(String).join(', ')})`;
    case 'invalid_format':
      return `Ogiltigt format (${issue.format})`;
    case 'unrecognized_keys':
      return `Okända fält: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

export function toProblem(error: AppError, requestId: string | undefined, instance: string | undefined): ProblemBody {
  return {
    type: `urn:journalverkstan:problem:${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
}
