/**
 * Validation of the `english` normaliser and WER against the Omi medical STT
 * benchmark on PriMock57: 22 systems' published figures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pairTextFiles } from '../../evals/datasets/files';
import { corpusErrorRate, wordErrorRateOfWords, type WordErrorRate } from '../../evals/metrics/wer';
import { getNormalizer } from '../../evals/normalizers';

const OMI = join(import.meta.dirname, '../../../shared/datasets/omi-medical-stt-eval');
if (!existsSync(OMI)) console.warn(`skipping Omi WER validation: ${OMI} is missing`);

const PublishedSchema = z.object({
  wer_metrics: z.object({ average_wer: z.number() }),
  word_statistics: z.object({ total_substitutions: z.number(), total_deletions: z.number(), total_insertions: z.number() }),
  file_count: z.number(),
});

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

function spearman(a: number[], b: number[]): number {
  const ra = ranks(a), rb = ranks(b);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(ra), mb = mean(rb);
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

describe.skipIf(!existsSync(OMI))('english WER reproduces the Omi PriMock57 benchmark', () => {
  it('matches every published average_wer and word statistics, and their ranking', async () => {
    const normalize = getNormalizer('english');
    const words = (path: string) => normalize(readFileSync(path, 'utf8')).split(' ').filter((w) => w.length > 0);
    const referenceWords = new Map<string, string[]>();
    const systems = readdirSync(join(OMI, 'transcripts')).sort();
    expect(systems).toHaveLength(22);

    const rows: { system: string; files: number; ours: number; published: number }[] = [];
    for (const system of systems) {
      const published = PublishedSchema.parse(JSON.parse(readFileSync(join(OMI, 'metrics', `${system}_wer.json`), 'utf8')));
      // The published figures cover the files that have both a reference and a transcript.
      const { pairs } = await pairTextFiles(join(OMI, 'references'), join(OMI, 'transcripts', system), { skipUnpaired: true });
      const perFile: WordErrorRate[] = pairs.map((p) => {
        let ref = referenceWords.get(p.key);
        if (!ref) referenceWords.set(p.key, (ref = words(p.reference)));
        return wordErrorRateOfWords(ref, words(p.hypothesis));
      });
      const total = corpusErrorRate(perFile);
      rows.push({ system, files: total.files, ours: total.meanRate * 100, published: published.wer_metrics.average_wer * 100 });
      expect(total.files, system).toBe(published.file_count);
      expect([total.substitutions, total.deletions, total.insertions], system).toEqual([
        published.word_statistics.total_substitutions,
        published.word_statistics.total_deletions,
        published.word_statistics.total_insertions,
      ]);
    }

    const rho = spearman(rows.map((r) => r.ours), rows.map((r) => r.published));
    console.log([
      'system                                   files  ours %     published %  diff',
      ...rows.map((r) => `${r.system.padEnd(40)} ${String(r.files).padStart(5)}  ${r.ours.toFixed(4).padStart(8)}  ${r.published.toFixed(4).padStart(11)}  ${(r.ours - r.published).toExponential(1)}`),
      `Spearman rho = ${rho.toFixed(4)}`,
    ].join('\n'));
    for (const r of rows) expect(Math.abs(r.ours - r.published), r.system).toBeLessThan(0.3);
    // Exact reproduction (floating-point noise only).
    for (const r of rows) expect(Math.abs(r.ours - r.published), r.system).toBeLessThan(1e-9);
    expect(rho).toBeGreaterThanOrEqual(0.95);
  });
});
