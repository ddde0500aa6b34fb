import { z } from 'zod';

/**
 * The server answers every failure with application/problem+json (RFC 9457)
 * whose `title`/`detail` are already Swedish, so the UI shows them as they
 * are. `code` is the stable value the client branches on.
 */
const FieldProblemSchema = z.object({
  field: z.string(),
  message: z.string(),
  /** character offsets of the problem inside the field's text, when the server knows them */
  span: z.object({ start: z.number().int(), end: z.number().int(), kind: z.string() }).optional(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const ProblemSchema = z.object({
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(FieldProblemSchema).optional(),
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldProblem[] = [],
    readonly requestId?: string,
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }

  /** Messages for one form field; the server names fields "body.password", "query.from". */
  fieldMessages(field: string): string[] {
    return this.errors.filter((e) => fieldName(e) === field).map((e) => e.message);
  }

  /** Messages for a field inside the body ("spec.model.temperature" for "body.spec.model.temperature"), where fieldMessages would say "spec". */
  messagesAt(path: string): string[] {
    return this.errors.filter((e) => fieldPath(e) === path).map((e) => e.message);
  }
}

/** "body.roles.0" → "roles": the form field a problem belongs to. */
export function fieldName(problem: FieldProblem): string {
  const [, name = problem.field] = problem.field.split('.');
  return name;
}

/** "body.spec.model.temperature" → "spec.model.temperature": the whole path below body, query or params. */
export function fieldPath(problem: FieldProblem): string {
  return problem.field.split('.').slice(1).join('.');
}

/** A body we could not read as a problem (proxy error page, dropped connection). */
export function unreadableProblem(status: number): ApiError {
  if (status === 0) return new ApiError(0, 'network', 'Ingen kontakt med servern', 'Kontrollera nätverket och försök igen.');
  return new ApiError(status, 'unexpected', 'Något gick fel', `Servern svarade oväntat (HTTP ${status}). Försök igen.`);
}

export function problemFrom(status: number, body: unknown): ApiError {
  const parsed = ProblemSchema.safeParse(body);
  if (!parsed.success) return unreadableProblem(status);
  const p = parsed.data;
  return new ApiError(p.status, p.code, p.title, p.detail, p.errors ?? [], p.requestId);
}

/** Any thrown value as an ApiError, so components render one shape. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client', 'Något gick fel', 'Ett oväntat fel inträffade i webbläsaren. Ladda om sidan och försök igen.');
}
