/**
 * `eval notes`: ROUGE and normalised edit distance of predicted notes against
 * reference notes, paired by id. Prints percentages with two decimals.
 */
import { z } from 'zod';
import { loadTextRecords, pairRecords } from '../datasets/records';
import { editDistance } from '../metrics/edit-distance';
import { meanRougeF1, rouge } from '../metrics/rouge';
import { formatTable, parseCommandArgs, percent, progressBar, runCommand } from './args';

const USAGE = `usage: eval notes --references <csv|jsonl> --predictions <csv|jsonl>
                  [--id-column encounter_id] [--text-column note]
                  [--tokenizer rouge-score|unicode] [--json]
  --tokenizer unicode keeps å, ä, ö inside words (use it for Swedish notes).`;

const OPTIONS = {
  references: { type: 'string' },
  predictions: { type: 'string' },
  'id-column': { type: 'string' },
  'text-column': { type: 'string' },
  tokenizer: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const ArgsSchema = z
  .object({
    references: z.string({ error: 'is required' }).min(1),
    predictions: z.string({ error: 'is required' }).min(1),
    'id-column': z.string().min(1).default('encounter_id'),
    'text-column': z.string().min(1).default('note'),
    tokenizer: z.enum(['rouge-score', 'unicode']).default('rouge-score'),
    json: z.boolean().default(false),
  })
  .transform((a) => ({ ...a, idColumn: a['id-column'], textColumn: a['text-column'] }));

interface NotesSummary {
  n: number;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  rougeLsum: number;
  editDistance: number;
}

export default async function run(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const args = parseCommandArgs(argv, OPTIONS, ArgsSchema);
    const columns = { idColumn: args.idColumn, textColumn: args.textColumn };
    const [references, predictions] = await Promise.all([
      loadTextRecords(args.references, columns),
      loadTextRecords(args.predictions, columns),
    ]);
    const pairs = pairRecords(references, predictions);

    const progress = progressBar(pairs.length, !args.json);
    const scores = [];
    let distanceSum = 0;
    for (const p of pairs) {
      scores.push(rouge(p.reference, p.prediction, { tokenizer: args.tokenizer }));
      distanceSum += editDistance(p.reference, p.prediction).normalized;
      progress.tick();
    }
    progress.done();

    const mean = meanRougeF1(scores);
    const summary: NotesSummary = {
      n: pairs.length,
      rouge1: percent(mean.rouge1),
      rouge2: percent(mean.rouge2),
      rougeL: percent(mean.rougeL),
      rougeLsum: percent(mean.rougeLsum),
      editDistance: percent(pairs.length === 0 ? 0 : distanceSum / pairs.length),
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return;
    }
    const fixed = (x: number) => x.toFixed(2);
    process.stdout.write(`${formatTable([
      ['metric (mean over notes, %)', 'score'],
      ['ROUGE-1 F1', fixed(summary.rouge1)],
      ['ROUGE-2 F1', fixed(summary.rouge2)],
      ['ROUGE-L F1', fixed(summary.rougeL)],
      ['ROUGE-Lsum F1', fixed(summary.rougeLsum)],
      ['edit distance (normalised)', fixed(summary.editDistance)],
    ])}\n${summary.n} note pairs, tokenizer ${args.tokenizer}\n`);
  });
}
