import type { z } from 'zod';
import { ApiError, problemFrom, unreadableProblem } from './problem';

export const API_BASE = '/api/v1';

/**
 * What the session layer must react to wherever it happens: an expired
 * session (401) or a one-time password that must be changed first (403
 * password_change_required). Pages never handle these themselves.
 */
export type AuthEvent = 'session_expired' | 'password_change_required';
type AuthListener = (event: AuthEvent) => void;
const listeners = new Set<AuthListener>();

export function onAuthEvent(listener: AuthListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface RequestOptions {
  body?: unknown;
  /** a 401 here is a normal outcome, not an expiry (a wrong password at login, a logout whose session already ended) */
  expect401?: boolean;
  signal?: AbortSignal;
}

function isProblem(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('application/problem+json') || type.includes('application/json');
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * One JSON request to the API. Successful bodies are validated with the
 * given schema, so a server/client mismatch surfaces as a clear error here
 * rather than as `undefined` deep inside a component.
 */
export async function request<S extends z.ZodType>(method: string, path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw unreadableProblem(0);
  }

  if (!response.ok) {
    const problem = isProblem(response) ? problemFrom(response.status, await readJson(response)) : unreadableProblem(response.status);
    if (problem.status === 401 && !options.expect401) listeners.forEach((l) => l('session_expired'));
    if (problem.code === 'password_change_required') listeners.forEach((l) => l('password_change_required'));
    throw problem;
  }

  const body = response.status === 204 ? undefined : await readJson(response);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', 'Oväntat svar från servern', 'Svaret hade fel form. Ladda om sidan; kvarstår felet, kontakta förvaltningen.');
  }
  return parsed.data;
}
