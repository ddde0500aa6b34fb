/**
 * `eval wer`: word error rate of transcripts against reference transcripts,
 * files paired by a key from their names. Rates in percent.
 */
import { z } from 'zod';
import { EvalError } from '../datasets/errors';
import { pairTextFiles } from '../datasets/files';
import { readText } from '../datasets/records';
import { corpusErrorRate, wordErrorRate } from '../metrics/wer';
import { NormalizerNameSchema } from '../normalizers';
import { formatTable, parseCommandArgs, percent, progressBar, runCommand } from './args';

const USAGE = `usage: eval wer --references <dir|file> --hypotheses <dir|file>
                --normalizer english|swedish|none
                [--pair-regex '<regex with one capture group>'] [--skip-unpaired] [--json]
  Files pair by the capture of --pair-regex on the name without .txt
  (default: the first two "_"-separated fields).`;

const OPTIONS = {
  references: { type: 'string' },
  hypotheses: { type: 'string' },
  normalizer: { type: 'string' },
  'pair-regex': { type: 'string' },
  'skip-unpaired': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function toPattern(source: string, ctx: z.RefinementCtx): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'u');
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a valid regular expression' });
    return z.NEVER;
  }
  // Count capture groups by matching an alternative that always succeeds.
  const groups = new RegExp(`${source}|`, 'u').exec('')!.length - 1;
  if (groups !== 1) {
    ctx.addIssue({ code: 'custom', message: `needs exactly one capture group, has ${groups}` });
    return z.NEVER;
  }
  return pattern;
}

const ArgsSchema = z.object({
  references: z.string({ error: 'is required' }).min(1),
  hypotheses: z.string({ error: 'is required' }).min(1),
  normalizer: NormalizerNameSchema,
  'pair-regex': z.string().transform(toPattern).optional(),
  'skip-unpaired': z.boolean().default(false),
  json: z.boolean().default(false),
});

export default async function run(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const args = parseCommandArgs(argv, OPTIONS, ArgsSchema);
    const { pairs, unpairedReferences, unpairedHypotheses } = await pairTextFiles(args.references, args.hypotheses, {
      pattern: args['pair-regex'],
      skipUnpaired: args['skip-unpaired'],
    });

    const progress = progressBar(pairs.length, !args.json);
    const perFile = [];
    for (const p of pairs) {
      const [reference, hypothesis] = await Promise.all([readText(p.reference), readText(p.hypothesis)]);
      const { alignment: _alignment, referenceWords: _r, hypothesisWords: _h, ...rate } = wordErrorRate(reference, hypothesis, args.normalizer);
      if (rate.referenceLength === 0) throw new EvalError(`${p.reference}: the reference has no words`);
      perFile.push({ key: p.key, ...rate });
      progress.tick();
    }
    progress.done();

    const total = corpusErrorRate(perFile);
    const summary = {
      files: total.files,
      meanWer: percent(total.meanRate),
      pooledWer: percent(total.pooledRate),
      substitutions: total.substitutions,
      deletions: total.deletions,
      insertions: total.insertions,
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return;
    }
    const rows = perFile.map((f) => [f.key, percent(f.rate).toFixed(2), String(f.referenceLength), String(f.substitutions), String(f.deletions), String(f.insertions)]);
    process.stdout.write(`${formatTable([['file', 'WER %', 'words', 'S', 'D', 'I'], ...rows])}\n\n`);
    process.stdout.write(`${formatTable([
      ['files', String(summary.files)],
      ['mean WER % (per file)', summary.meanWer.toFixed(2)],
      ['pooled WER % (all words)', summary.pooledWer.toFixed(2)],
      ['substitutions / deletions / insertions', `${summary.substitutions} / ${summary.deletions} / ${summary.insertions}`],
      ['normalizer', args.normalizer],
    ])}\n`);
    const skipped = unpairedReferences.length + unpairedHypotheses.length;
    if (skipped > 0) process.stderr.write(`skipped ${skipped} unpaired file(s)\n`);
  });
}
