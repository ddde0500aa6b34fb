import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/evals/wer');
const OMI = join(ROOT, '../shared/datasets/omi-medical-stt-eval');

function evalCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'evals/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const refs = join(FIXTURES, 'referenser');
const hyps = join(FIXTURES, 'asr');

describe('eval wer (synthetic Swedish transcripts)', () => {
  it('with the swedish normaliser only the real error remains', () => {
    const r = evalCli('wer', '--references', refs, '--hypotheses', hyps, '--normalizer', 'swedish', '--json');
    expect(r.code).toBe(0);
    // Spoken vs written numbers and "sen"/"sedan" are equal; "Waran"/"varan" is 1 of 5 words.
    // Per file 0, 0, 20 % → mean 6.67; pooled 1 of 3 + 8 + 5 = 16 words.
    expect(JSON.parse(r.stdout)).toEqual({ files: 3, meanWer: 6.67, pooledWer: 6.25, substitutions: 1, deletions: 0, insertions: 0 });
  });

  it('without normalisation case, punctuation and number forms all count', () => {
    const r = evalCli('wer', '--references', refs, '--hypotheses', hyps, '--normalizer', 'none', '--json');
    expect(r.code).toBe(0);
    // Per file 4/5, 4/8, 3/5 → mean 63.33; pooled 11/18.
    expect(JSON.parse(r.stdout)).toEqual({ files: 3, meanWer: 63.33, pooledWer: 61.11, substitutions: 9, deletions: 2, insertions: 0 });
  });

  it('pairs two single files and prints a table', () => {
    const r = evalCli('wer', '--references', join(refs, 'dag1_konsultation03_referens.txt'), '--hypotheses', join(hyps, 'dag1_konsultation03_asr.txt'), '--normalizer', 'swedish');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mean WER % \(per file\)\s+20\.00/);
  });

  it('fails on an unpaired file unless --skip-unpaired', () => {
    const strict = evalCli('wer', '--references', refs, '--hypotheses', join(FIXTURES, 'asr-extra'), '--normalizer', 'swedish', '--json');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/^error: unpaired files: no reference for "dag1_konsultation04" \(use --skip-unpaired/);
    const lenient = evalCli('wer', '--references', refs, '--hypotheses', join(FIXTURES, 'asr-extra'), '--normalizer', 'swedish', '--skip-unpaired', '--json');
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({ files: 3, meanWer: 6.67 });
  });

  it('pairs by a custom --pair-regex and validates it', () => {
    const r = evalCli('wer', '--references', refs, '--hypotheses', hyps, '--normalizer', 'swedish', '--pair-regex', '_(konsultation\\d+)_', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 3 });
    const bad = evalCli('wer', '--references', refs, '--hypotheses', hyps, '--normalizer', 'swedish', '--pair-regex', '(a)(b)');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pair-regex: needs exactly one capture group, has 2/);
  });

  it('rejects a bad path and an unknown normaliser', () => {
    const path = evalCli('wer', '--references', join(FIXTURES, 'saknas'), '--hypotheses', hyps, '--normalizer', 'swedish');
    expect(path.code).toBe(1);
    expect(path.stderr).toMatch(/^error: no such file or directory: .*saknas\n$/);
    const norm = evalCli('wer', '--references', refs, '--hypotheses', hyps, '--normalizer', 'norska');
    expect(norm.code).toBe(2);
    expect(norm.stderr).toMatch(/^error: --normalizer: /);
  });
});

if (!existsSync(OMI)) console.warn(`skipping eval wer on the Omi benchmark: ${OMI} is missing`);

describe.skipIf(!existsSync(OMI))('eval wer (Omi PriMock57)', () => {
  it('reproduces the published groq-whisper-large-v3 figures', () => {
    const r = evalCli('wer', '--references', join(OMI, 'references'), '--hypotheses', join(OMI, 'transcripts/groq-whisper-large-v3'), '--normalizer', 'english', '--skip-unpaired', '--json');
    expect(r.code).toBe(0);
    // metrics/groq-whisper-large-v3_wer.json: average_wer 0.1193…, S/D/I 2527/5856/1397.
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 55, meanWer: 11.93, substitutions: 2527, deletions: 5856, insertions: 1397 });
  });
});
