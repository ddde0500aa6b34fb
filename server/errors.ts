import type { z } from 'zod';
import { PipelineError } from './pipeline/errors';

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

/**
 * The one place a failure becomes what a job row stores: a JobFailure as it
 * is, a PipelineError by its code and Swedish message; null for anything else
 * (including an aborted pipeline step), which the runner stores as
 * cancelled or as a generic failure.
 */
export function asJobFailure(error: unknown): JobFailure | null {
  if (error instanceof JobFailure) return error;
  if (error instanceof PipelineError && error.code !== 'aborted') return new JobFailure(error.code, error.message);
  return null;
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
      // An empty required field is the common case; "minst 1 tecken" reads like a length rule.
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fyll i fältet' : `För kort (minst ${issue.minimum} tecken)`;
      return `För litet (minst ${issue.minimum})`;
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

/**
 * The one place a failure becomes an HTTP problem (the error handler and the
 * /v1 gateway both call it): an AppError as it is, a PipelineError by its
 * code; null for anything else, which stays a generic 500.
 */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return error instanceof PipelineError ? pipelineProblem(error) : null;
}

/**
 * A refused recording is the client's to fix (415 wrong format, 413 over a
 * limit, 422 broken file); a model or service that cannot run is the
 * server's (503). An aborted step's caller has gone: a generic failure.
 */
function pipelineProblem(error: PipelineError): AppError | null {
  switch (error.code) {
    case 'unsupported_format':
    case 'ffmpeg_missing':
      return unsupportedMedia(error.message);
    case 'too_large':
    case 'too_long':
      return new AppError(413, error.code, 'För stor', error.message);
    case 'corrupt':
      return unprocessable(error.message, undefined, 'corrupt_audio');
    case 'drafter_unavailable':
      return unprocessable(error.message, undefined, error.code);
    case 'model_missing':
    case 'model_load_failed':
    case 'hosted_auth':
    case 'hosted_model_not_found':
    case 'hosted_too_large':
    case 'hosted_overloaded':
    case 'hosted_unavailable':
    case 'hosted_rejected':
    case 'hosted_unreachable':
    case 'hosted_model_missing':
    case 'hosted_rate_limited':
    case 'hosted_error':
    case 'output_rejected':
    case 'invalid_model_output':
      return serviceUnavailable(error.message, error.code);
    case 'aborted':
      return null;
  }
}
