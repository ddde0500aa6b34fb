/**
 * Word and character error rates of a transcript against a reference.
 * Both texts pass through the same normaliser (see evals/normalizers) first.
 * Pure functions; rates are fractions (0.12 = 12 %).
 *
 * - WER = (S + D + I) / reference words, from a Levenshtein alignment over words.
 * - CER = the same over characters of the normalised text, words joined by one space.
 * - An empty reference gives rate 1 if the hypothesis has words, else 0
 *   (as the Omi benchmark does), so a corpus mean stays finite.
 */
import { align, OP_DEL, OP_EQUAL, OP_INS, OP_SUB, type Alignment } from '../text/align';
import { Interner } from '../text/tokenize';
import { getNormalizer, type NormalizerName } from '../normalizers';

export type AlignmentOp =
  | { op: 'equal' | 'sub'; ref: string; hyp: string }
  | { op: 'del'; ref: string; hyp: null }
  | { op: 'ins'; ref: null; hyp: string };

export interface ErrorRate {
  rate: number;
  errors: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  hits: number;
  referenceLength: number;
  hypothesisLength: number;
}

export interface WordErrorRate extends ErrorRate {
  /** Word-by-word alignment for display. */
  alignment: AlignmentOp[];
  /** The normalised words that were aligned. */
  referenceWords: string[];
  hypothesisWords: string[];
}

const words = (normalized: string): string[] => normalized.split(/\s+/).filter((w) => w.length > 0);

function toRate(a: Alignment, referenceLength: number, hypothesisLength: number): ErrorRate {
  const errors = a.substitutions + a.deletions + a.insertions;
  const rate = referenceLength === 0 ? (hypothesisLength > 0 ? 1 : 0) : errors / referenceLength;
  return {
    rate, errors, substitutions: a.substitutions, deletions: a.deletions, insertions: a.insertions,
    hits: a.hits, referenceLength, hypothesisLength,
  };
}

function alignmentOps(ops: Uint8Array, ref: string[], hyp: string[]): AlignmentOp[] {
  const out: AlignmentOp[] = [];
  let i = 0, j = 0;
  for (const op of ops) {
    if (op === OP_EQUAL || op === OP_SUB) out.push({ op: op === OP_EQUAL ? 'equal' : 'sub', ref: ref[i++]!, hyp: hyp[j++]! });
    else if (op === OP_DEL) out.push({ op: 'del', ref: ref[i++]!, hyp: null });
    else if (op === OP_INS) out.push({ op: 'ins', ref: null, hyp: hyp[j++]! });
  }
  return out;
}

/** WER of already-normalised word lists. */
export function wordErrorRateOfWords(ref: string[], hyp: string[]): WordErrorRate {
  const interner = new Interner();
  const a = align(interner.encode(ref), interner.encode(hyp));
  return { ...toRate(a, ref.length, hyp.length), alignment: alignmentOps(a.ops, ref, hyp), referenceWords: ref, hypothesisWords: hyp };
}

export function wordErrorRate(reference: string, hypothesis: string, normalizer: NormalizerName = 'none'): WordErrorRate {
  const normalize = getNormalizer(normalizer);
  return wordErrorRateOfWords(words(normalize(reference)), words(normalize(hypothesis)));
}

const codePoints = (s: string): Int32Array => Int32Array.from(s, (c) => c.codePointAt(0)!);

export function characterErrorRate(reference: string, hypothesis: string, normalizer: NormalizerName = 'none'): ErrorRate {
  const normalize = getNormalizer(normalizer);
  const ref = codePoints(words(normalize(reference)).join(' '));
  const hyp = codePoints(words(normalize(hypothesis)).join(' '));
  return toRate(align(ref, hyp), ref.length, hyp.length);
}

export interface CorpusErrorRate {
  files: number;
  /** Mean of the per-file rates (the Omi benchmark's headline figure). */
  meanRate: number;
  /** Total errors / total reference length. */
  pooledRate: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  hits: number;
  referenceLength: number;
  hypothesisLength: number;
}

export function corpusErrorRate(perFile: readonly ErrorRate[]): CorpusErrorRate {
  const sum = (f: (r: ErrorRate) => number) => perFile.reduce((n, r) => n + f(r), 0);
  const referenceLength = sum((r) => r.referenceLength);
  const errors = sum((r) => r.errors);
  return {
    files: perFile.length,
    meanRate: perFile.length === 0 ? 0 : sum((r) => r.rate) / perFile.length,
    pooledRate: referenceLength === 0 ? 0 : errors / referenceLength,
    substitutions: sum((r) => r.substitutions),
    deletions: sum((r) => r.deletions),
    insertions: sum((r) => r.insertions),
    hits: sum((r) => r.hits),
    referenceLength,
    hypothesisLength: sum((r) => r.hypothesisLength),
  };
}
