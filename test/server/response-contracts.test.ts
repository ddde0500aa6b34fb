import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EncounterListSchema } from '../../server/contracts/api/encounters';
import type { AppError } from '../../server/errors';
import { route, type RouteDef } from '../../server/http/route';
import { checkResponse, checksResponses, isNotJson } from '../../server/http/response-check';
import { gatewayRoutes } from '../../server/modules/gateway/routes';
import { apiRoutes } from '../../server/routes';
import { startTestServer, type TestServer } from '../support/app';
import { Client } from '../support/http';

/**
 * Every JSON route names its answer's contract (server/contracts/api), and
 * routes that answer with a file, stream or events say so. In test mode the
 * router parses every JSON answer with its contract (http/response-check.ts),
 * so each server and browser test that reads an answer also checks it; this
 * file checks the table, the check itself, and a few real answers.
 */
const key = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;

describe('response contracts', () => {
  it('every route in both tables names its answer: a zod schema, or a file/stream/events/redirect marker', () => {
    // `response` is required by RouteDef, so the compiler refuses a route without one (npm run typecheck checks this line) …
    // @ts-expect-error -- no `response`
    route({ method: 'get', path: '/utan', access: 'public', summary: 'utan kontrakt', handler: async () => ({}) });
    // … and here each one is a real schema.
    for (const r of [...apiRoutes, ...gatewayRoutes]) {
      if (isNotJson(r.response)) continue;
      expect(r.response instanceof z.ZodType, `${key(r)}: response is a zod schema`).toBe(true);
    }
  });

  it('checks answers outside production only, and names the paths of a mismatch', () => {
    expect(checksResponses({ NODE_ENV: 'test' })).toBe(true);
    expect(checksResponses({ NODE_ENV: 'development' })).toBe(true);
    expect(checksResponses({ NODE_ENV: 'production' })).toBe(false);
    const def = route({
      method: 'get',
      path: '/probe',
      access: 'public',
      summary: 'prov',
      response: EncounterListSchema,
      handler: async () => ({ encounters: [] }),
    });
    expect(() => checkResponse(def, { encounters: [] })).not.toThrow();
    const when = new Date('2026-01-02T03:04:05Z');
    const row = { id: 'e1', label: 'Besök', mode: 'ai', status: 'open', professionId: null, careUnitId: null, workflowVersionId: null };
    // Dates leave as ISO text, as JSON sends them.
    expect(() => checkResponse(def, { encounters: [{ ...row, consentAt: null, consultationEndedAt: null, createdAt: when, updatedAt: when }] })).not.toThrow();
    const wrong = { encounters: [{ ...row, mode: 'manuell', consentAt: null, consultationEndedAt: null, createdAt: when }] };
    let detail = '';
    try {
      checkResponse(def, wrong);
    } catch (error) {
      expect((error as AppError).status).toBe(500);
      detail = String((error as AppError).detail);
    }
    expect(detail).toMatch(/encounters\.0\.mode \(invalid_value\).*encounters\.0\.updatedAt \(invalid_type\)/);
    // The value itself never appears in the problem (it may be patient data).
    expect(detail).not.toContain('manuell');
    const file = route({ method: 'get', path: '/fil', access: 'public', summary: 'fil', response: 'file', handler: async () => undefined });
    expect(() => checkResponse(file, 'vad som helst')).not.toThrow();
  });

  describe('real answers', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => server?.close());

    const contractOf = (method: string, path: string) => {
      const def = apiRoutes.find((r) => r.method === method && r.path === path);
      if (!def || isNotJson(def.response)) throw new Error(`${method} ${path} has no JSON contract`);
      return def.response as z.ZodType;
    };

    it('parse with their route’s own schema, as the client parses them', async () => {
      const admin = new Client(server.baseUrl);
      await admin.login('admin', server.passwords.admin);
      const clinician = new Client(server.baseUrl);
      await clinician.login('lakare1', server.passwords.demo);
      const designer = new Client(server.baseUrl);
      await designer.login('design1', server.passwords.demo);
      const created = await clinician.post('/api/v1/encounters', { label: 'Kontraktsbesök', mode: 'ai' });
      expect(created.status).toBe(201);
      const reads: Array<[Client, string, string]> = [
        [admin, 'get', '/health'],
        [admin, 'get', '/auth/me'],
        [admin, 'get', '/admin/users'],
        [admin, 'get', '/professions'],
        [admin, 'get', '/groups'],
        [clinician, 'get', '/encounters'],
        [clinician, 'get', `/encounters/:id`],
        // reads no other test makes
        [admin, 'get', '/followup/assumptions'],
        [admin, 'get', '/followup/baseline'],
        [clinician, 'get', '/workflows/seeds'],
        [designer, 'get', '/training/participants'],
      ];
      for (const [client, method, path] of reads) {
        const res = await client.request(method.toUpperCase(), '/api/v1' + path.replace(':id', created.body.encounter.id));
        expect(res.status, `${method} ${path}`).toBe(200);
        const parsed = contractOf(method, path).safeParse(res.body);
        expect(parsed.success, `${method} ${path}: ${parsed.error?.issues.map((i) => i.path.join('.')).join(', ')}`).toBe(true);
      }
    });
  });
});
