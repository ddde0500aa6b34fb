import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TranscriptSegment } from '../server/contracts/transcript';
import type { DraftOutput } from '../server/contracts/note';
import type { WorkflowSpec } from '../server/contracts/workflow';
import { ExtractiveDrafter } from '../server/pipeline/draft/extractive';
import { parseCsvRecords } from '../evals/datasets/csv';
import { meanRougeF1, rouge, type MeanRouge } from '../evals/metrics/rouge';
import { loadSeedWorkflows } from '../prompts/index';
import { runSwedish } from './draft-sv';

/**
 * Extractive drafter vs. the transcript-copy baseline on ACI-Bench test1,
 * scored side by side by the project's own ROUGE (which reproduces the
 * published figures). The public data is read in place from ../shared; a
 * fresh clone without it gets a message, not a failure.
 */

export const ACI_TEST1 = fileURLToPath(
  new URL('../../shared/datasets/aci-bench/challenge_data/clinicalnlp_taskB_test1.csv', import.meta.url),
);

/** Published transcript-copy scores on test1 (Yim et al. 2023, Table 6), in percent. */
export const PUBLISHED_TRANSCRIPT_COPY = { rouge1: 32.84, rouge2: 12.53, rougeLsum: 30.61 } as const;

const AciRowSchema = z.object({ encounter_id: z.string().min(1), dialogue: z.string().min(1), note: z.string().min(1) });

/** "[doctor] …" lines become segments; an untagged line continues the previous turn. */
export function dialogueToSegments(dialogue: string): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  for (const line of dialogue.split(/\r?\n/)) {
    const tagged = /^\[([^\]]+)\]\s*(.*)$/.exec(line.trim());
    const last = segments[segments.length - 1];
    if (tagged) {
      segments.push({ id: `s${segments.length + 1}`, start: null, end: null, speaker: tagged[1] ?? null, text: tagged[2] ?? '' });
    } else if (last && line.trim() !== '') {
      last.text += ` ${line.trim()}`;
    }
  }
  return segments;
}

/** ACI-Bench references print their headings, so the draft is scored with them too. */
export function renderNote(draft: DraftOutput, workflow: WorkflowSpec): string {
  return draft.sections
    .filter((section) => section.sentences.length > 0)
    .map((section) => {
      const heading = workflow.sections.find((s) => s.key === section.key)?.heading ?? section.key;
      return `${heading}\n\n${section.sentences.map((s) => s.text).join('\n')}`;
    })
    .join('\n\n');
}

export interface DraftBenchResult {
  encounters: number;
  extractive: MeanRouge;
  transcriptCopy: MeanRouge;
}

export async function benchmarkAciTest1(csvPath: string = ACI_TEST1): Promise<DraftBenchResult> {
  const rows = z.array(AciRowSchema).parse(parseCsvRecords(readFileSync(csvPath, 'utf8')));
  const workflow = loadSeedWorkflows().find((w) => w.profession === 'english-benchmark');
  if (workflow === undefined) throw new Error('The english-benchmark seed workflow is missing');
  const drafter = new ExtractiveDrafter();
  const extractive = [];
  const copy = [];
  for (const row of rows) {
    const draft = await drafter.draft({ workflow, segments: dialogueToSegments(row.dialogue) });
    extractive.push(rouge(row.note, renderNote(draft, workflow)));
    copy.push(rouge(row.note, row.dialogue));
  }
  await drafter.dispose();
  return { encounters: rows.length, extractive: meanRougeF1(extractive), transcriptCopy: meanRougeF1(copy) };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

export async function run(): Promise<void> {
  await runSwedish({ locked: process.argv.includes('--locked'), verbose: process.argv.includes('--verbose') });
  console.log('');
  if (!existsSync(ACI_TEST1)) {
    console.log(`draft bench skipped: ACI-Bench test1 not found at ${ACI_TEST1} (needs ../shared/datasets/aci-bench)`);
    return;
  }
  const result = await benchmarkAciTest1();
  console.log(`ACI-Bench test1, ${result.encounters} encounters, mean F1 per note (%)`);
  console.log('system                    ROUGE-1 ROUGE-2 ROUGE-L ROUGE-Lsum');
  for (const [name, m] of [['extractive:v1', result.extractive], ['transcript copy', result.transcriptCopy]] as const) {
    console.log(`${name.padEnd(25)} ${pct(m.rouge1)}  ${pct(m.rouge2)}  ${pct(m.rougeL)}  ${pct(m.rougeLsum)}`);
  }
  const p = PUBLISHED_TRANSCRIPT_COPY;
  console.log(`${'published transcript copy'.padEnd(25)} ${p.rouge1.toFixed(2).padStart(6)}  ${p.rouge2.toFixed(2).padStart(6)}     –    ${p.rougeLsum.toFixed(2).padStart(6)}`);
}
