/**
 * `eval notes`: ROUGE and normalised edit distance of predicted notes against
 * reference notes, paired by id. Prints percentages with two decimals.
 */
import { z } from 'zod';
import { loadTextRecords, pairRecords } from '../datasets/records';
import { metric, scoreNote } from '../metrics';
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

/** The registry's metrics this command prints, in its order; all are fractions, printed as percent. */
const NOTE_METRICS = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum', 'editDistance'] as const;
type NotesSummary = { n: number } & Record<(typeof NOTE_METRICS)[number], number>;

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
    const sums = Object.fromEntries(NOTE_METRICS.map((id) => [id, 0])) as Record<(typeof NOTE_METRICS)[number], number>;
    for (const p of pairs) {
      const scores = scoreNote({ reference: p.reference, note: p.prediction, tokenizer: args.tokenizer }, NOTE_METRICS);
      for (const id of NOTE_METRICS) sums[id] += scores[id] ?? 0;
      progress.tick();
    }
    progress.done();

    const summary = { n: pairs.length } as NotesSummary;
    for (const id of NOTE_METRICS) summary[id] = percent(pairs.length === 0 ? 0 : sums[id] / pairs.length);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return;
    }
    const fixed = (x: number) => x.toFixed(2);
    process.stdout.write(`${formatTable([
      ['metric (mean over notes, %)', 'score'],
      ...NOTE_METRICS.map((id) => [metric(id).english, fixed(summary[id])]),
    ])}\n${summary.n} note pairs, tokenizer ${args.tokenizer}\n`);
  });
}
