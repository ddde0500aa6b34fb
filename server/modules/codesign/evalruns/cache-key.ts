import crypto from 'node:crypto';

/**
 * The identity of one case result: the version's spec, the case data and the
 * drafter/model. Keys are sorted before hashing so the same content always
 * gives the same key, whatever order a JSON column returns its keys in.
 * METRICS_REVISION is part of the key so a change to how results are
 * computed invalidates old cached results instead of mixing them in.
 */
const METRICS_REVISION = 1;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function resultCacheKey(spec: unknown, testCase: unknown, drafterId: string): string {
  const text = JSON.stringify(canonical({ spec, testCase, drafterId, metrics: METRICS_REVISION }));
  return crypto.createHash('sha256').update(text).digest('hex');
}
