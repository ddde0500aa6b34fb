/**
 * `eval grounding`, two forms:
 * - one note: flags the spans of a draft note that the consultation does
 *   not support or contradicts. The transcript is plain text (speaker labels
 *   allowed) or JSON segments ([{ "id", "text" }] or { "segments": [...] }).
 * - a folder of cases (`--cases`): false alarms on correct reference notes
 *   and recall per kind of planted error, with precision on seeded drafts.
 */
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { EvalError } from '../datasets/errors';
import { readText } from '../datasets/records';
import { TranscriptSegmentInputSchema, checkGrounding } from '../metrics/grounding';
import { evaluateGroundingCases, loadGroundingCases } from '../validation/grounding-eval';
import { ClaimCache, crossValidate, kFolds, learnPolicy, policyAbout } from '../validation/grounding-policy';
import { formatTable, parseCommandArgs, runCommand, UsageError } from './args';
import { printCaseReport } from './grounding-report';

const USAGE = `usage: eval grounding --transcript <file.txt|file.json> --note <file> [--language sv|en] [--json]
       eval grounding --cases <folder> [--split dev|locked] [--details] [--json] [--only <id-prefix,…>] [--folds <k>] [--learn <policy.json>]
  one note: --json prints { "flags": [...], "sentences": n }; each flag has kind, span, start, end,
            severity (critical = contradicts the consultation, warning = not found), message, said, evidence
  --cases:  reads every *.json case under the folder (one level of sub-folders); prints flags per correct
            reference note (all, critical), recall per planted error kind and precision on seeded drafts;
            --split keeps one split; --details lists missed errors and false alarms (synthetic text only)
  --only:   keeps the cases whose id starts with one of the prefixes (e.g. l3- for the former locked-3)
  --folds:  held-out figures: the severity policy is learned on k − 1 folds of the cases (by case) and
            each fold is measured with the policy that did not see it (never on the locked split)
  --learn:  learns the severity policy on the cases and writes it (evals/data/grounding-policy.json)`;

const OPTIONS = {
  transcript: { type: 'string' },
  note: { type: 'string' },
  cases: { type: 'string' },
  split: { type: 'string' },
  details: { type: 'boolean' },
  language: { type: 'string' },
  json: { type: 'boolean' },
  only: { type: 'string' },
  folds: { type: 'string' },
  learn: { type: 'string' },
} as const;

const ArgsSchema = z.object({
  transcript: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  cases: z.string().min(1).optional(),
  split: z.enum(['dev', 'locked']).optional(),
  details: z.boolean().default(false),
  language: z.enum(['sv', 'en']).default('sv'),
  json: z.boolean().default(false),
  only: z.string().min(1).transform((s) => s.split(',').filter(Boolean)).optional(),
  folds: z.coerce.number().int().min(2).max(1000).optional(),
  learn: z.string().min(1).optional(),
});

const SegmentsSchema = z.union([
  z.array(TranscriptSegmentInputSchema),
  z.object({ segments: z.array(TranscriptSegmentInputSchema) }).transform((t) => t.segments),
]);

async function readTranscript(path: string): Promise<string | { id: string; text: string }[]> {
  const text = await readText(path);
  if (!path.toLowerCase().endsWith('.json')) return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EvalError('--transcript: the .json file is not valid JSON');
  }
  const parsed = SegmentsSchema.safeParse(json);
  if (!parsed.success) throw new EvalError('--transcript: expected [{ "id", "text" }] or { "segments": [...] }');
  return parsed.data;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

async function runCases(args: z.infer<typeof ArgsSchema>): Promise<void> {
  const all = await loadGroundingCases(args.cases!);
  const cases = all.filter((c) => (!args.split || c.split === args.split) && (!args.only || args.only.some((p) => c.id.startsWith(p))));
  if (cases.length === 0) throw new EvalError(`--split/--only: no such cases in ${args.cases}`);
  // Learning or cross-validating on a locked split would tune on it.
  if ((args.folds || args.learn) && cases.some((c) => c.split === 'locked')) throw new UsageError('--folds/--learn: development cases only (add --split dev)');
  // One cache: learning and cross-validating check the same notes, and checking is the expensive part.
  const cache = new ClaimCache();
  if (args.learn) {
    const claims = learnPolicy(cases, cache);
    await writeFile(args.learn, `${JSON.stringify({ about: policyAbout(cases), claims }, null, 2)}\n`);
  }
  const report = args.folds ? crossValidate(cases, kFolds(cases, args.folds), cache) : evaluateGroundingCases(cases);
  if (args.json) {
    const { missed, falseAlarms, ...figures } = report;
    process.stdout.write(`${JSON.stringify(args.details ? report : { ...figures, missed: missed.length, falseAlarms: falseAlarms.length })}\n`);
    return;
  }
  printCaseReport(report, args.details);
}

export default async function run(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const args = parseCommandArgs(argv, OPTIONS, ArgsSchema);
    if (args.cases) {
      if (args.transcript || args.note) throw new UsageError('--cases: give either --cases or --transcript with --note');
      return runCases(args);
    }
    if (!args.transcript) throw new UsageError('--transcript: is required');
    if (!args.note) throw new UsageError('--note: is required');
    const [transcript, note] = await Promise.all([readTranscript(args.transcript), readText(args.note)]);
    const result = checkGrounding({ transcript, note, language: args.language });
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ flags: result.flags, sentences: result.sentences })}\n`);
      return;
    }
    const rows = [
      ['kind', 'severity', 'at', 'span', 'evidence'],
      ...result.flags.map((f) => [f.kind, f.severity, `${f.start}-${f.end}`, clip(f.span, 48), clip(f.evidence ?? '—', 48)]),
    ];
    process.stdout.write(`${formatTable(rows)}\n${result.flags.length} flag(s) in ${result.sentences} sentence(s)\n`);
  });
}
