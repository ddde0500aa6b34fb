import type { RequestHandler } from 'express';
import { AppError, badRequest, type FieldProblem } from '../errors';

/**
 * Request guards that run before any route: a cross-origin check for
 * state-changing requests, and refusal of NUL characters anywhere in the
 * parsed input. Both answer problem+json through the error handler.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const crossOrigin = () =>
  new AppError(403, 'cross_origin', 'Begäran från en annan webbplats', 'Ändringar tas bara emot från Journalverkstans egen sida. Öppna Journalverkstan direkt och försök igen.');

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/**
 * Cookies ride along with requests that another site makes the browser send
 * (a form post, a text/plain fetch), so a state-changing request is accepted
 * only when the browser says it came from our own pages. Fetch metadata
 * (`Sec-Fetch-Site`, every current browser) decides when present; otherwise
 * the `Origin` header must name this server (its Host, or PUBLIC_URL).
 * Requests with neither header come from programs, not from a browser
 * visiting another site, and carry no ambient cookie of a victim.
 */
export function sameOriginOnly(publicUrl: string | undefined): RequestHandler {
  const configured = publicUrl ? originOf(publicUrl) : null;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site !== undefined) return next(site === 'same-origin' || site === 'none' ? undefined : crossOrigin());
    const origin = req.get('origin');
    if (origin === undefined) return next();
    const claimed = originOf(origin);
    const host = req.get('host');
    const ok = claimed !== null && (claimed === configured || (host !== undefined && new URL(claimed).host === host));
    next(ok ? undefined : crossOrigin());
  };
}

const MAX_PROBLEMS = 10;

function nulFields(value: unknown, at: string, out: FieldProblem[], depth = 0): void {
  if (out.length >= MAX_PROBLEMS || depth > 32) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: at, message: 'Innehåller ett otillåtet tecken (NUL)' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulFields(v, `${at}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push({ field: at, message: 'Ett fältnamn innehåller ett otillåtet tecken (NUL)' });
      nulFields(v, `${at}.${k}`, out, depth + 1);
    }
  }
}

/**
 * No text we store may hold NUL: PostgreSQL refuses it in text columns, so
 * it would fail deep inside a write (and in the access-log row). Refused up
 * front, naming the field, on both databases alike.
 */
export function refuseNul(where: { params?: unknown; query?: unknown; body?: unknown }): void {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(where)) nulFields(value, name, problems);
  if (problems.length) throw badRequest('Begäran innehåller ett otillåtet tecken (NUL).', problems);
}
