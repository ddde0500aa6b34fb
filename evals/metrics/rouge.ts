/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum with the semantics of Google's
 * rouge-score (as used by HuggingFace `evaluate` and ACI-Bench): F1 per
 * document, no stemming, rougeLsum over newline-separated "sentences" with
 * union-LCS and consumed token counts. Pure functions; scores are fractions
 * in [0, 1].
 */
import { Interner, tokenize, type TokenizerMode } from '../text/tokenize';
import { lcsLength, lcsRefIndices } from '../text/lcs';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
  rougeLsum: RougeScore;
}

export interface RougeOptions {
  /** Default `rouge-score` (exact reproduction of English benchmarks). */
  tokenizer?: TokenizerMode;
}

export const ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;
export type RougeType = (typeof ROUGE_TYPES)[number];

const ZERO: RougeScore = { precision: 0, recall: 0, f1: 0 };

function score(hits: number, predictionCount: number, referenceCount: number): RougeScore {
  const precision = hits / Math.max(predictionCount, 1);
  const recall = hits / Math.max(referenceCount, 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Newline-separated lines, keeping only lines with at least one character (as rouge-score). */
function sentences(text: string, mode: TokenizerMode, interner: Interner): Int32Array[] {
  return text.split('\n').filter((line) => line.length > 0).map((line) => interner.encode(tokenize(line, mode)));
}

function concat(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Count of n-grams; an n-gram of ids is packed into one number (base = vocabulary size). */
function ngramCounts(tokens: Int32Array, n: number, base: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    let key = 0;
    for (let k = 0; k < n; k++) key = key * base + tokens[i + k]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function rougeN(ref: Int32Array, pred: Int32Array, n: number, base: number): RougeScore {
  const r = ngramCounts(ref, n, base);
  const p = ngramCounts(pred, n, base);
  let hits = 0;
  for (const [key, count] of r) hits += Math.min(count, p.get(key) ?? 0);
  return score(hits, Math.max(pred.length - n + 1, 0), Math.max(ref.length - n + 1, 0));
}

function rougeL(ref: Int32Array, pred: Int32Array): RougeScore {
  if (ref.length === 0 || pred.length === 0) return ZERO;
  return score(lcsLength(ref, pred), pred.length, ref.length);
}

/** Summary-level LCS (Lin 2004, §3.2) with ROUGE-1.5.5's guard against counting a token twice. */
function rougeLsum(refSents: Int32Array[], predSents: Int32Array[], base: number): RougeScore {
  if (refSents.length === 0 || predSents.length === 0) return ZERO;
  const m = refSents.reduce((n, s) => n + s.length, 0);
  const n = predSents.reduce((k, s) => k + s.length, 0);
  if (m === 0 || n === 0) return ZERO;

  const refLeft = new Int32Array(base);
  const predLeft = new Int32Array(base);
  for (const s of refSents) for (const t of s) refLeft[t]!++;
  for (const s of predSents) for (const t of s) predLeft[t]!++;

  let hits = 0;
  for (const r of refSents) {
    const inUnion = new Uint8Array(r.length);
    for (const c of predSents) for (const i of lcsRefIndices(r, c)) inUnion[i] = 1;
    for (let i = 0; i < r.length; i++) {
      if (!inUnion[i]) continue;
      const t = r[i]!;
      if (predLeft[t]! > 0 && refLeft[t]! > 0) {
        hits++;
        predLeft[t]!--;
        refLeft[t]!--;
      }
    }
  }
  return score(hits, n, m);
}

export function rouge(reference: string, prediction: string, options: RougeOptions = {}): RougeScores {
  const mode = options.tokenizer ?? 'rouge-score';
  const interner = new Interner();
  const refSents = sentences(reference, mode, interner);
  const predSents = sentences(prediction, mode, interner);
  // Newlines are separators for both tokenisers, so the whole-text tokens are
  // the concatenation of the line tokens.
  const ref = concat(refSents);
  const pred = concat(predSents);
  const base = Math.max(interner.size, 1);
  return {
    rouge1: rougeN(ref, pred, 1, base),
    rouge2: rougeN(ref, pred, 2, base),
    rougeL: rougeL(ref, pred),
    rougeLsum: rougeLsum(refSents, predSents, base),
  };
}

export type MeanRouge = { n: number } & Record<RougeType, number>;

/** Mean of per-document F1 (how ACI-Bench reports ROUGE). */
export function meanRougeF1(scores: readonly RougeScores[]): MeanRouge {
  const out: MeanRouge = { n: scores.length, rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 };
  if (scores.length === 0) return out;
  for (const s of scores) for (const type of ROUGE_TYPES) out[type] += s[type].f1;
  for (const type of ROUGE_TYPES) out[type] /= scores.length;
  return out;
}
