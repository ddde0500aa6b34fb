import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const DIR = 'test/fixtures/evals/grounding';

/** Runs what `npm run eval -- grounding …` runs (tsx on evals/cli.ts), without npm's own warnings on stderr. */
async function evalCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'evals/cli.ts', 'grounding', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('eval grounding (subprocess)', () => {
  it('prints one JSON object with the flags', async () => {
    const r = await evalCli(['--transcript', `${DIR}/transcript.txt`, '--note', `${DIR}/note.txt`, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { flags: { kind: string; span: string }[]; sentences: number };
    expect(out.sentences).toBe(7);
    expect(out.flags.map((f) => [f.kind, f.span])).toEqual([
      ['negation', 'Feber'],
      ['number', '7,5 mg'],
      ['certainty', 'Förkylning'],
      ['drug', 'Eliquis'],
      ['number', '2 gånger'],
      ['plan', 'Remiss till öron-näsa-hals.'],
    ]);
  });

  it('reads JSON segments and cites segment ids as evidence', async () => {
    const r = await evalCli(['--transcript', `${DIR}/segments.json`, '--note', `${DIR}/note.txt`, '--json', '--language', 'sv']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { flags: { kind: string; evidence: string | null }[] };
    expect(out.flags.find((f) => f.kind === 'negation')?.evidence).toBe('s2');
  });

  it('prints a readable table by default', async () => {
    const r = await evalCli(['--transcript', `${DIR}/transcript.txt`, '--note', `${DIR}/note.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kind\s+severity\s+at\s+span\s+evidence/);
    expect(r.stdout).toContain('6 flag(s) in 7 sentence(s)');
  });

  it('says what each flag compared, in Swedish, with the severity that blocks signing', async () => {
    const r = await evalCli(['--transcript', `${DIR}/transcript.txt`, '--note', `${DIR}/note.txt`, '--json']);
    const out = JSON.parse(r.stdout) as { flags: { kind: string; span: string; severity: string; message: string; said: string | null }[] };
    const dose = out.flags.find((f) => f.span === '7,5 mg')!;
    expect(dose.severity).toBe('critical');
    expect(dose.message).toMatch(/^Dosen: anteckningen 7,5 mg, samtalet ”fem milligram”/);
    expect(dose.said).toBe('fem milligram');
    expect(out.flags.find((f) => f.kind === 'plan')?.severity).toBe('warning');
  });

  it('reports a folder of cases: flags per correct note, recall per kind, precision (--json)', async () => {
    const r = await evalCli(['--cases', 'evals/fixtures/grounding-sv/dev', '--split', 'dev', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { recallByKind: Record<string, { planted: number; caught: number }> };
    expect(out).toMatchObject({ cases: expect.any(Number), flagsPerReference: expect.any(Number), criticalPerReference: expect.any(Number),
      recall: expect.any(Number), precision: expect.any(Number) });
    expect(Object.keys(out.recallByKind)).toEqual(['number', 'drug', 'negation', 'diagnosis', 'plan', 'laterality', 'certainty']);
    const table = await evalCli(['--cases', 'evals/fixtures/grounding-sv/dev', '--split', 'dev']);
    expect(table.stdout).toMatch(/critical flags per note/);
    expect(table.stdout).toMatch(/laterality/);
  });

  it('refuses a folder without cases and mixing the two forms', async () => {
    const empty = await evalCli(['--cases', 'test/fixtures/evals/grounding']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error: /);
    const both = await evalCli(['--cases', 'evals/fixtures/grounding-sv/dev', '--note', `${DIR}/note.txt`]);
    expect(both.code).toBe(2);
  });

  it('fails with one clear line on a bad path or bad language', async () => {
    const missing = await evalCli(['--transcript', `${DIR}/nope.txt`, '--note', `${DIR}/note.txt`]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^error: /);
    const bad = await evalCli(['--transcript', `${DIR}/transcript.txt`, '--note', `${DIR}/note.txt`, '--language', 'de']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--language/);
  });
});
