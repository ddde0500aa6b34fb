/**
 * `npm run bench -- metrics`: notes per second of each note metric on all
 * 207 ACI-Bench encounters (train, valid, test1–3), scoring each reference
 * note against its dialogue (the "transcript copy" baseline: long, realistic
 * worst case). Reads ../shared; prints a message and returns if it is absent.
 * Add a metric by appending to METRICS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../evals/datasets/csv';
import { editDistance } from '../evals/metrics/edit-distance';
import { rouge } from '../evals/metrics/rouge';
import { checkGrounding } from '../evals/metrics/grounding';
import { analyseStructure } from '../evals/metrics/structure';

/** ACI-Bench notes use these headings; enough to exercise section finding. */
const ACI_SECTIONS = ['CHIEF COMPLAINT', 'HISTORY OF PRESENT ILLNESS', 'PHYSICAL EXAM', 'ASSESSMENT AND PLAN'].map((heading, i) => ({
  key: `s${i}`, heading, required: true,
}));

export interface Encounter {
  note: string;
  dialogue: string;
}

export const METRICS: { name: string; fn: (e: Encounter) => unknown }[] = [
  { name: 'ROUGE (1, 2, L, Lsum)', fn: (e) => rouge(e.note, e.dialogue) },
  { name: 'ROUGE, unicode tokenizer', fn: (e) => rouge(e.note, e.dialogue, { tokenizer: 'unicode' }) },
  { name: 'edit distance (characters)', fn: (e) => editDistance(e.note, e.dialogue) },
  { name: 'grounding (all checks)', fn: (e) => checkGrounding({ transcript: e.dialogue, note: e.note, language: 'en' }) },
  { name: 'structure + LIX', fn: (e) => analyseStructure(e.note, ACI_SECTIONS, e.dialogue) },
];

const ACI = join(import.meta.dirname, '../../shared/datasets/aci-bench/challenge_data');
const SPLITS = ['train.csv', 'valid.csv', 'clinicalnlp_taskB_test1.csv', 'clinicalnlp_taskC_test2.csv', 'clef_taskC_test3.csv'];

function loadEncounters(): Encounter[] {
  return SPLITS.flatMap((file) =>
    parseCsvRecords(readFileSync(join(ACI, file), 'utf8')).map((r) => ({ note: r.note ?? '', dialogue: r.dialogue ?? '' })),
  );
}

export async function run(): Promise<void> {
  if (!existsSync(ACI)) {
    console.log(`bench metrics: ${ACI} is missing; nothing to measure`);
    return;
  }
  const encounters = loadEncounters();
  const chars = encounters.reduce((n, e) => n + e.note.length + e.dialogue.length, 0);
  console.log(`${encounters.length} encounters, ${(chars / encounters.length).toFixed(0)} characters per note + dialogue`);
  for (const { name, fn } of METRICS) {
    fn(encounters[0]!); // warm up the JIT
    const start = performance.now();
    for (const e of encounters) fn(e);
    const seconds = (performance.now() - start) / 1000;
    console.log(`${name.padEnd(30)} ${(encounters.length / seconds).toFixed(0).padStart(7)} notes/s  (${seconds.toFixed(3)} s for all)`);
  }
}
