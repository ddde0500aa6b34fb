/**
 * `eval grounding`: flags the spans of a draft note that the consultation
 * does not support (numbers, drugs, negation flips, diagnoses, plans).
 * The transcript is plain text (speaker labels allowed) or JSON segments
 * ([{ "id", "text" }] or { "segments": [...] }).
 */
import { z } from 'zod';
import { EvalError } from '../datasets/errors';
import { readText } from '../datasets/records';
import { checkGrounding } from '../metrics/grounding/checker';
import { TranscriptSegmentInputSchema } from '../metrics/grounding/types';
import { formatTable, parseCommandArgs, runCommand } from './args';

const USAGE = `usage: eval grounding --transcript <file.txt|file.json> --note <file> [--language sv|en] [--json]
  --json prints one object: { "flags": [...], "sentences": n }`;

const OPTIONS = {
  transcript: { type: 'string' },
  note: { type: 'string' },
  language: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const ArgsSchema = z.object({
  transcript: z.string({ error: 'is required' }).min(1),
  note: z.string({ error: 'is required' }).min(1),
  language: z.enum(['sv', 'en']).default('sv'),
  json: z.boolean().default(false),
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

export default async function run(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const args = parseCommandArgs(argv, OPTIONS, ArgsSchema);
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
