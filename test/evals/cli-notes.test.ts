import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/evals/notes');
const ACI = join(ROOT, '../shared/datasets/aci-bench');

function evalCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'evals/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('eval notes (synthetic Swedish notes)', () => {
  const refs = join(FIXTURES, 'references.csv');

  it('prints exactly one JSON object with hand-computed scores', () => {
    const r = evalCli('notes', '--references', refs, '--predictions', join(FIXTURES, 'predictions.csv'), '--json');
    expect(r.code).toBe(0);
    // K001 identical (100, distance 0); K002 "feber och hosta"/"feber och snuva":
    // R1 2/3, R2 1/2, distance 4/15; K003 "Patienten mår bättre"/"… sämre" with the
    // rouge-score tokenizer ("m r b ttre"): R1 3/5, R2 2/4, distance 3/20.
    expect(JSON.parse(r.stdout)).toEqual({ n: 3, rouge1: 75.56, rouge2: 66.67, rougeL: 75.56, rougeLsum: 75.56, editDistance: 13.89 });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads JSONL predictions and the unicode tokenizer', () => {
    const r = evalCli('notes', '--references', refs, '--predictions', join(FIXTURES, 'predictions.jsonl'), '--tokenizer', 'unicode', '--json');
    expect(r.code).toBe(0);
    // K003 now keeps "mår", "bättre", "sämre" whole: R1 2/3, R2 1/2.
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 3, rouge1: 77.78, rouge2: 66.67, rougeLsum: 77.78 });
  });

  it('prints a table without --json', () => {
    const r = evalCli('notes', '--references', refs, '--predictions', join(FIXTURES, 'predictions.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ROUGE-Lsum F1\s+75\.56/);
    expect(r.stdout).toMatch(/3 note pairs/);
  });

  it('fails with one clear line on unpaired ids', () => {
    const r = evalCli('notes', '--references', refs, '--predictions', join(FIXTURES, 'predictions-unpaired.csv'), '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('error: unpaired ids: no prediction for id "K003"; no reference for id "K999"');
  });

  it('fails on a bad path, a missing option and an unknown command', () => {
    const bad = evalCli('notes', '--references', join(FIXTURES, 'finns-inte.csv'), '--predictions', refs);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: no such file: .*finns-inte\.csv\n$/);
    const missing = evalCli('notes', '--references', refs);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--predictions: is required[\s\S]*usage: eval notes/);
    const unknown = evalCli('sammanfatta');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "sammanfatta"[\s\S]*commands: notes, wer, grounding/);
    const help = evalCli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run eval -- <command>[\s\S]*commands: notes, wer, grounding, time-saved/);
  });
});

if (!existsSync(ACI)) console.warn(`skipping eval notes on ACI-Bench: ${ACI} is missing`);

describe.skipIf(!existsSync(ACI))('eval notes (ACI-Bench test1)', () => {
  it('reproduces the published GPT-4 row', () => {
    const r = evalCli(
      'notes',
      '--references', join(ACI, 'challenge_data/clinicalnlp_taskB_test1.csv'),
      '--predictions', join(ACI, 'predictions_test1/test1GPT-4_.csv'),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 40, rouge1: 51.76, rouge2: 22.58, rougeLsum: 45.97 });
  });
});
