import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NoteSection } from '../server/contracts/note';
import { TestCaseSchema, type TestCase } from '../server/contracts/testcase';
import type { WorkflowSpec } from '../server/contracts/workflow';
import { segmentsFromTurns } from '../server/modules/transcripts/service';
import type { NoteDrafter } from '../server/pipeline/draft/drafter';
import { ExtractiveDrafter } from '../server/pipeline/draft/extractive';
import { finalizeDraft } from '../server/pipeline/draft/finalize';
import { keyFactRecall } from '../evals/metrics/keyfacts';
import { rouge } from '../evals/metrics/rouge';
import { loadSeedCases, loadSeedWorkflows } from '../prompts/index';

/**
 * The no-model (extractive) draft on Swedish consultations, as the app makes
 * it (drafter → finalizeDraft with its grounding flags), scored against each
 * case's reference note and key facts, beside the whole transcript:
 * - key-fact recall (the project's metric) of the draft and of the transcript,
 * - length: draft words / reference words,
 * - ROUGE-1 F1 with the unicode tokenizer (headings on both sides),
 * - sentences with a critical grounding flag.
 * Splits: `dev` (prompts/cases, tuned on), `dev-2` (bench/draft-dev, the
 * first locked split, retired to development after four runs), `dev-3`
 * (bench/draft-dev-3, the second locked split, retired after its one
 * reported run), `dev-4` (bench/draft-dev-4, the third locked split,
 * retired after its reported run), `dev-5` (bench/draft-dev-5, the fourth
 * locked split, retired after three reported runs) and, with `--locked`,
 * `locked` (bench/draft-locked-5, written separately by someone else and
 * never seen or tuned on; each run is counted in its README).
 */
export const DEV2_DIR = fileURLToPath(new URL('./draft-dev/', import.meta.url));
export const DEV3_DIR = fileURLToPath(new URL('./draft-dev-3/', import.meta.url));
export const DEV4_DIR = fileURLToPath(new URL('./draft-dev-4/', import.meta.url));
export const DEV5_DIR = fileURLToPath(new URL('./draft-dev-5/', import.meta.url));
export const LOCKED_DIR = fileURLToPath(new URL('./draft-locked-5/', import.meta.url));

export function loadCasesIn(dir: string): TestCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => TestCaseSchema.parse(JSON.parse(readFileSync(dir + f, 'utf8'))));
}

export interface CaseScore {
  slug: string;
  draftRecall: number;
  transcriptRecall: number;
  facts: number;
  draftCovered: number;
  transcriptCovered: number;
  lengthRatio: number;
  rouge1: number;
  sentences: number;
  criticalSentences: number;
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function render(sections: { heading: string; text: string }[]): string {
  return sections
    .filter((s) => s.text.trim())
    .map((s) => `${s.heading}\n${s.text.trim()}`)
    .join('\n\n');
}

/** Makes the drafter to score; another version's drafter can be passed to compare versions in one run. */
export type DrafterFactory = () => Pick<NoteDrafter, 'draft'>;

export async function scoreCase(testCase: TestCase, workflow: WorkflowSpec, makeDrafter: DrafterFactory = () => new ExtractiveDrafter()): Promise<CaseScore> {
  const segments = segmentsFromTurns(testCase.turns);
  const drafter = makeDrafter();
  const output = await drafter.draft({ workflow, segments });
  const sections: NoteSection[] = finalizeDraft({ workflow, segments, output });
  const draftSections = sections.map((s) => ({ heading: s.heading, text: s.sentences.map((x) => x.text).join(' ') }));
  const draft = render(draftSections);
  const reference = render(testCase.referenceNote);
  const transcript = testCase.turns.map((t) => t.text).join('\n');
  const forDraft = keyFactRecall(draft, testCase.keyFacts, 'sv');
  const forTranscript = keyFactRecall(transcript, testCase.keyFacts, 'sv');
  const sentences = sections.flatMap((s) => s.sentences);
  return {
    slug: testCase.slug,
    draftRecall: forDraft.recall,
    transcriptRecall: forTranscript.recall,
    facts: forDraft.evaluable,
    draftCovered: forDraft.facts.filter((f) => f.covered).length,
    transcriptCovered: forTranscript.facts.filter((f) => f.covered).length,
    lengthRatio: words(draftSections.map((s) => s.text).join(' ')) / Math.max(1, words(testCase.referenceNote.map((s) => s.text).join(' '))),
    rouge1: rouge(reference, draft, { tokenizer: 'unicode' }).rouge1.f1,
    sentences: sentences.length,
    criticalSentences: sentences.filter((s) => s.flags.some((f) => f.severity === 'critical')).length,
  };
}

export interface SplitSummary {
  split: string;
  cases: number;
  /** pooled over all facts of the split */
  draftRecall: number;
  transcriptRecall: number;
  meanLengthRatio: number;
  meanRouge1: number;
  sentences: number;
  criticalSentences: number;
  perCase: CaseScore[];
}

export async function benchmarkSplit(split: string, cases: readonly TestCase[], makeDrafter?: DrafterFactory): Promise<SplitSummary> {
  const workflows = loadSeedWorkflows();
  const perCase: CaseScore[] = [];
  for (const testCase of cases) {
    const workflow = workflows.find((w) => w.profession === testCase.profession);
    if (!workflow) throw new Error(`No seed workflow for ${testCase.profession} (case ${testCase.slug})`);
    perCase.push(await scoreCase(testCase, workflow, makeDrafter));
  }
  const sum = (f: (c: CaseScore) => number) => perCase.reduce((n, c) => n + f(c), 0);
  const facts = sum((c) => c.facts);
  return {
    split,
    cases: perCase.length,
    draftRecall: sum((c) => c.draftCovered) / facts,
    transcriptRecall: sum((c) => c.transcriptCovered) / facts,
    meanLengthRatio: sum((c) => c.lengthRatio) / perCase.length,
    meanRouge1: sum((c) => c.rouge1) / perCase.length,
    sentences: sum((c) => c.sentences),
    criticalSentences: sum((c) => c.criticalSentences),
    perCase,
  };
}

const f2 = (x: number) => x.toFixed(3);

export async function runSwedish(options: { locked: boolean; verbose: boolean }): Promise<void> {
  const splits: [string, TestCase[]][] = [
    ['dev', loadSeedCases().filter((c) => c.language === 'sv')],
    ['dev-2', loadCasesIn(DEV2_DIR)],
    ['dev-3', loadCasesIn(DEV3_DIR)],
    ['dev-4', loadCasesIn(DEV4_DIR)],
    ['dev-5', loadCasesIn(DEV5_DIR)],
  ];
  if (options.locked) {
    if (existsSync(LOCKED_DIR)) splits.push(['locked', loadCasesIn(LOCKED_DIR)]);
    else console.log(`(locked split not found at ${LOCKED_DIR})`);
  }
  console.log('Swedish consultations, extractive draft (as the app makes it) vs reference note and key facts');
  console.log('split   cases  key-fact recall draft / transcript  length ×ref  ROUGE-1 (unicode)  sentences  critical-flagged');
  for (const [name, cases] of splits) {
    const s = await benchmarkSplit(name, cases);
    console.log(
      `${name.padEnd(7)} ${String(s.cases).padStart(5)}  ${f2(s.draftRecall).padStart(15)} / ${f2(s.transcriptRecall).padEnd(10)}  ${f2(s.meanLengthRatio).padStart(11)}  ${(100 * s.meanRouge1).toFixed(2).padStart(17)}  ${String(s.sentences).padStart(9)}  ${String(s.criticalSentences).padStart(16)}`,
    );
    if (options.verbose) {
      for (const c of s.perCase) {
        console.log(`  ${c.slug.padEnd(48)} recall ${c.draftCovered}/${c.facts} (transcript ${c.transcriptCovered})  length ${f2(c.lengthRatio)}  R1 ${(100 * c.rouge1).toFixed(1)}  critical ${c.criticalSentences}`);
      }
    }
  }
  if (!options.locked) console.log('(locked split not run: add --locked; it is for reporting only, see its README, bench/draft-locked-5/README.md)');
}
