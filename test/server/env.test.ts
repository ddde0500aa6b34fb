import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../server/env';

describe('configuration', () => {
  it('has working defaults: SQLite under the data folder, local models folder', () => {
    const env = loadEnv({});
    expect(env.databaseKind).toBe('sqlite');
    expect(env.DATABASE_URL).toBe(`file:${path.resolve('data/journalverkstan.db')}`);
    expect(env.modelsDir).toBe(path.resolve('models'));
    expect(env.PORT).toBe(8080);
    expect(env.DEMO_DATA).toBe(true);
  });

  it('detects PostgreSQL from DATABASE_URL', () => {
    expect(loadEnv({ DATABASE_URL: 'postgresql://u@h:5432/db' }).databaseKind).toBe('postgresql');
  });

  it('names the variable and what is allowed when a value is wrong', () => {
    const attempt = (vars: Record<string, string>) => {
      try {
        loadEnv(vars);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as Error).message;
      }
    };
    expect(attempt({ PORT: 'åttio' })).toMatch(/PORT: /);
    expect(attempt({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//);
    expect(attempt({ ASR_PROVIDER: 'cloud' })).toMatch(/ASR_PROVIDER: .*"local"\|"hosted"|ASR_PROVIDER: .*local.*hosted/);
    expect(attempt({ AUDIT_RETENTION_YEARS: '2' })).toMatch(/AUDIT_RETENTION_YEARS/);
    expect(attempt({ OIDC_ISSUER: 'https://idp.example' })).toMatch(/OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/);
    expect(attempt({ LLM_PROVIDER: 'hosted' })).toMatch(/LLM_HOSTED_BASE_URL: required when LLM_PROVIDER=hosted/);
  });

  it('treats empty values as unset', () => {
    expect(loadEnv({ PORT: '', OIDC_ISSUER: '' }).PORT).toBe(8080);
  });

  it('stops the server at start-up with the message, not a stack trace', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
      env: { PATH: process.env.PATH, PORT: 'nittio' },
      encoding: 'utf8',
      cwd: root,
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/PORT: /);
    expect(r.stderr).toMatch(/\.env\.example/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
