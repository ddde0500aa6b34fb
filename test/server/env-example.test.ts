import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../server/env';

describe('.env.example', () => {
  it('documents every variable the server reads, and only those', () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    const shape = (EnvSchema as unknown as { in?: { shape: object }; shape?: object }).in?.shape ?? (EnvSchema as unknown as { shape: object }).shape;
    expect(documented).toEqual(Object.keys(shape).sort());
  });
});
