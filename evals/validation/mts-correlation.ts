/**
 * How well the grounding flag rate agrees with human hallucination judgements
 * on MTS-Dialog's correlation study (400 generated summaries of 100
 * validation dialogues by four systems), next to ROUGE-1 F1 against the
 * reference summary. The two CSVs are aligned by row: the scores file has no
 * id column and lists the summaries in the same order.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsvRecords } from '../datasets/csv';
import { EvalError } from '../datasets/errors';
import { checkGrounding } from '../metrics/grounding';
import { rouge } from '../metrics/rouge';
import { pearson, spearman } from './correlation';

const SummaryRowSchema = z.object({
  ID: z.string(),
  Dialogue: z.string(),
  'Reference Summary': z.string(),
  'Automatic Summary': z.string(),
});
const ScoreRowSchema = z.object({ HallucinationRate: z.coerce.number() });

export interface MtsRow {
  id: string;
  dialogue: string;
  reference: string;
  summary: string;
  hallucinationRate: number;
}

const SUMMARIES = 'MTS-Dialog-Automatic-Summaries-ValidationSet.csv';
const SCORES = 'MTS-Dialog-Manual-Scores4CorrelationStudy.csv';

async function records<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  // The files start with a byte-order mark, which would otherwise stick to the first column name.
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return parseCsvRecords(text).map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new EvalError(`${path}: row ${i + 1} does not have the expected columns`);
    return parsed.data;
  });
}

/** `dir` is the Correlation-Study folder. */
export async function loadMtsCorrelation(dir: string): Promise<MtsRow[]> {
  const [summaries, scores] = await Promise.all([records(join(dir, SUMMARIES), SummaryRowSchema), records(join(dir, SCORES), ScoreRowSchema)]);
  if (summaries.length !== scores.length) throw new EvalError(`MTS-Dialog: ${summaries.length} summaries but ${scores.length} score rows`);
  return summaries.map((s, i) => ({
    id: s.ID,
    dialogue: s.Dialogue,
    reference: s['Reference Summary'],
    summary: s['Automatic Summary'],
    hallucinationRate: scores[i]!.HallucinationRate,
  }));
}

export interface CorrelationReport {
  rows: number;
  /** Primary rate: grounding flags per summary sentence. */
  flagsPerSentence: { pearson: number; spearman: number };
  /** Secondary rate: flags per 100 summary words. */
  flagsPer100Words: { pearson: number; spearman: number };
  rouge1F1: { pearson: number; spearman: number };
  meanFlagsPerSentence: number;
}

export function correlate(rows: readonly MtsRow[]): CorrelationReport {
  const human = rows.map((r) => r.hallucinationRate);
  const perSentence: number[] = [];
  const per100: number[] = [];
  const rouge1: number[] = [];
  for (const r of rows) {
    const g = checkGrounding({ transcript: r.dialogue, note: r.summary, language: 'en' });
    perSentence.push(g.flagsPerSentence);
    per100.push(g.words === 0 ? 0 : (100 * g.flags.length) / g.words);
    rouge1.push(rouge(r.reference, r.summary).rouge1.f1);
  }
  const both = (x: number[]) => ({ pearson: pearson(x, human), spearman: spearman(x, human) });
  return {
    rows: rows.length,
    flagsPerSentence: both(perSentence),
    flagsPer100Words: both(per100),
    rouge1F1: both(rouge1),
    meanFlagsPerSentence: perSentence.reduce((a, b) => a + b, 0) / Math.max(1, rows.length),
  };
}
