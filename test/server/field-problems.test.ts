import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodProblems } from '../../server/errors';

/**
 * A wrong type and a missing field are different mistakes and the problem
 * must say which (a new user was told "Saknas" for `{"label": 42}`).
 */
describe('field problems from zod', () => {
  const Body = z.object({ label: z.string(), count: z.number(), tags: z.array(z.string()), done: z.boolean() });

  it('says "Saknas" only for a missing field and names the expected type otherwise, in Swedish', () => {
    const result = Body.safeParse({ label: 42, count: 'fem', tags: 'a' });
    expect(result.success).toBe(false);
    expect(zodProblems('body', result.error!)).toEqual([
      { field: 'body.label', message: 'Fel typ (förväntade text)' },
      { field: 'body.count', message: 'Fel typ (förväntade tal)' },
      { field: 'body.tags', message: 'Fel typ (förväntade lista)' },
      { field: 'body.done', message: 'Saknas' },
    ]);
  });

  it('reads a query number that is not one as the wrong type, not as missing', () => {
    const result = z.object({ limit: z.coerce.number().int() }).safeParse({ limit: 'abc' });
    expect(zodProblems('query', result.error!)).toEqual([{ field: 'query.limit', message: 'Fel typ (förväntade tal)' }]);
  });

  it('asks to fill in an empty required text, and states a real minimum length as one', () => {
    const result = z.object({ name: z.string().min(1), message: z.string().min(3) }).safeParse({ name: '', message: 'a' });
    expect(zodProblems('body', result.error!)).toEqual([
      { field: 'body.name', message: 'Fyll i fältet' },
      { field: 'body.message', message: 'För kort (minst 3 tecken)' },
    ]);
  });
});
