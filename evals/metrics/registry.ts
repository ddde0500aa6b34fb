import { editDistance } from './edit-distance';
import type { Language } from './grounding';
import { type KeyFact, type KeyFactRecall, keyFactRecall } from './keyfacts';
import { type RougeScores, rouge } from './rouge';
import { type SectionSpec, type StructureResult, analyseStructure } from './structure';
import type { TokenizerMode } from '../text/tokenize';

/**
 * The one list of note metrics: what each is called (Swedish for the UI,
 * English for the CLI), which way is better, its scale, how it is computed
 * from a note, and where it is checked against published figures. Evaluation
 * runs compute with it, comparisons and the promotion gate read direction and
 * labels from it, and `eval notes` prints from it, so a metric is added or
 * renamed in one place.
 */
export type Direction = 'higher' | 'lower' | 'neutral';
/** fraction: 0–1 (the CLI prints percent); count; index: LIX; ms: milliseconds */
export type Scale = 'fraction' | 'count' | 'index' | 'ms';

/** One drafted note and what it is measured against; a metric whose material is absent gives null. */
export interface NoteScoringInput {
  note: string;
  reference?: string;
  /** ROUGE tokenizer: `rouge-score` (the default, reproduces English benchmarks) or `unicode` (Swedish) */
  tokenizer?: TokenizerMode;
  language?: Language;
  keyFacts?: readonly KeyFact[];
  /** the workflow's sections with the note's text under each */
  sections?: readonly (SectionSpec & { text: string })[];
  transcript?: string;
  /** the grounding checker's flags on the note (finalize puts them on its sentences) */
  flags?: readonly { severity: 'critical' | 'warning' }[];
  durationMs?: number;
}

/** Each underlying measurement at most once per note, however many metrics read it. */
export class NoteScoring {
  private rougeScores: RougeScores | null | undefined;
  private facts: KeyFactRecall | null | undefined;
  private structureResult: StructureResult | undefined;

  constructor(readonly input: NoteScoringInput) {}

  rouge(): RougeScores | null {
    const { reference, note, tokenizer } = this.input;
    this.rougeScores ??= reference === undefined ? null : rouge(reference, note, tokenizer ? { tokenizer } : {});
    return this.rougeScores;
  }

  keyFacts(): KeyFactRecall | null {
    const { keyFacts, language, note } = this.input;
    this.facts ??= keyFacts === undefined || language === undefined ? null : keyFactRecall(note, keyFacts, language);
    return this.facts;
  }

  structure(): StructureResult {
    this.structureResult ??= analyseStructure(this.input.note, this.input.sections ?? [], this.input.transcript);
    return this.structureResult;
  }
}

const finite = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);
const ROUGE_VALIDATION = 'ACI-Bench test1 (Yim et al. 2023, Table 6): R1/R2/RLsum of four systems reproduced to two decimals (test/evals/rouge.test.ts)';
const GROUNDING_VALIDATION =
  'MTS-Dialog correlation study: flags per sentence against the human hallucination judgements (test/evals/validation-public.test.ts); planted errors in evals/fixtures/grounding-sv';

interface MetricSpec {
  /** Swedish, as the UI shows it */
  label: string;
  /** for the CLI and English reports */
  english: string;
  direction: Direction;
  scale: Scale;
  compute: (note: NoteScoring) => number | null;
  /** where the metric is checked against published figures or human judgements; null when it is tested on written examples only */
  validation: string | null;
}

export const METRICS = {
  rouge1: { label: 'ROUGE-1', english: 'ROUGE-1 F1', direction: 'higher', scale: 'fraction', compute: (s) => finite(s.rouge()?.rouge1.f1), validation: ROUGE_VALIDATION },
  rouge2: { label: 'ROUGE-2', english: 'ROUGE-2 F1', direction: 'higher', scale: 'fraction', compute: (s) => finite(s.rouge()?.rouge2.f1), validation: ROUGE_VALIDATION },
  rougeL: {
    label: 'ROUGE-L',
    english: 'ROUGE-L F1',
    direction: 'higher',
    scale: 'fraction',
    compute: (s) => finite(s.rouge()?.rougeL.f1),
    validation: 'rouge-score semantics; not in the published table (its LCS is the one ROUGE-Lsum reproduces, test/evals/rouge.test.ts)',
  },
  rougeLsum: { label: 'ROUGE-Lsum', english: 'ROUGE-Lsum F1', direction: 'higher', scale: 'fraction', compute: (s) => finite(s.rouge()?.rougeLsum.f1), validation: ROUGE_VALIDATION },
  editDistance: {
    label: 'Redigeringsavstånd',
    english: 'edit distance (normalised)',
    direction: 'lower',
    scale: 'fraction',
    compute: (s) => (s.input.reference === undefined ? null : editDistance(s.input.reference, s.input.note).normalized),
    validation: null,
  },
  keyFactRecall: { label: 'Nyckelfakta', english: 'key-fact recall', direction: 'higher', scale: 'fraction', compute: (s) => finite(s.keyFacts()?.recall), validation: null },
  criticalKeyFactRecall: {
    label: 'Kritiska nyckelfakta',
    english: 'critical key-fact recall',
    direction: 'higher',
    scale: 'fraction',
    compute: (s) => finite(s.keyFacts()?.criticalRecall),
    validation: null,
  },
  criticalFlags: {
    label: 'Kritiska flaggor',
    english: 'critical grounding flags',
    direction: 'lower',
    scale: 'count',
    compute: (s) => s.input.flags?.filter((f) => f.severity === 'critical').length ?? null,
    validation: GROUNDING_VALIDATION,
  },
  flags: { label: 'Flaggor', english: 'grounding flags', direction: 'lower', scale: 'count', compute: (s) => s.input.flags?.length ?? null, validation: GROUNDING_VALIDATION },
  completeness: {
    label: 'Rubriker ifyllda',
    english: 'required sections filled',
    direction: 'higher',
    scale: 'fraction',
    compute: (s) => {
      const required = s.input.sections?.filter((x) => x.required);
      if (required === undefined) return null;
      return required.length === 0 ? 1 : required.filter((x) => x.text.trim().length > 0).length / required.length;
    },
    validation: null,
  },
  lix: { label: 'LIX', english: 'LIX', direction: 'lower', scale: 'index', compute: (s) => s.structure().lix, validation: null },
  words: { label: 'Ord', english: 'words', direction: 'neutral', scale: 'count', compute: (s) => s.structure().words, validation: null },
  chars: { label: 'Tecken', english: 'characters', direction: 'neutral', scale: 'count', compute: (s) => s.structure().chars, validation: null },
  durationMs: { label: 'Tid (ms)', english: 'time (ms)', direction: 'neutral', scale: 'ms', compute: (s) => s.input.durationMs ?? null, validation: null },
} as const satisfies Record<string, MetricSpec>;

export type MetricId = keyof typeof METRICS;

export type MetricDefinition = MetricSpec & { id: MetricId };

export function metric(id: MetricId): MetricDefinition {
  return { id, ...METRICS[id] };
}

/** The named metrics of one note, in the order asked. */
export function scoreNote<K extends MetricId>(input: NoteScoringInput, ids: readonly K[]): Record<K, number | null> {
  const scoring = new NoteScoring(input);
  return Object.fromEntries(ids.map((id) => [id, METRICS[id].compute(scoring)])) as Record<K, number | null>;
}

/** 'better' or 'worse' by the metric's direction; null for a neutral metric or a missing value. */
export function verdict(id: MetricId, delta: number | null): 'better' | 'worse' | 'same' | null {
  const { direction } = METRICS[id];
  if (delta === null || direction === 'neutral') return null;
  if (Math.abs(delta) < 1e-9) return 'same';
  return (delta > 0) === (direction === 'higher') ? 'better' : 'worse';
}

/** Does `measured` meet `bound` in the metric's better direction (≤ for lower-is-better, else ≥)? */
export function meets(id: MetricId, measured: number, bound: number): boolean {
  return METRICS[id].direction === 'lower' ? measured <= bound : measured >= bound;
}
