import type { z } from 'zod';
import type { Env } from '../env';
import { AppError } from '../errors';
import { NOT_JSON, type NotJson, type RouteDef } from './route';

/**
 * Run-time check of an answer against its route's response contract.
 *
 * Where: in test and development every JSON answer is parsed exactly as the
 * client will parse it (after a JSON round trip, so Dates are ISO text), and
 * a mismatch is a 500 naming the paths, so each existing server and browser
 * test also checks the contract of every answer it reads. Not in production:
 * the compile-time check already ties each handler to its schema, the client
 * parses every answer with the same schema (and shows its own message on a
 * mismatch), and a second serialisation on hot reads (the encounter read,
 * the gateway) would cost throughput for nothing the user gains.
 */
export function checksResponses(env: Pick<Env, 'NODE_ENV'>): boolean {
  return env.NODE_ENV !== 'production';
}

export function isNotJson(response: RouteDef['response']): response is NotJson {
  return typeof response === 'string' && (NOT_JSON as readonly string[]).includes(response);
}

export function checkResponse(def: RouteDef, body: unknown): void {
  const schema = def.response;
  if (isNotJson(schema)) return;
  const wire: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const parsed = (schema as z.ZodType).safeParse(wire);
  if (parsed.success) return;
  // Paths and issue codes only: the values may be patient data.
  const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(svaret)'} (${i.code})`);
  throw new AppError(500, 'response_contract', 'Svaret följer inte sitt kontrakt', `${def.method.toUpperCase()} ${def.path}: ${where.join(', ')}`);
}
