/**
 * Medical-term error rate: of all occurrences of listed terms in the
 * reference, the share the transcript did not get right.
 *
 * Definition. Terms and both texts go through the same normaliser; a term may
 * have several words. Occurrences are found in the normalised reference left
 * to right, longest term first, without overlap. An occurrence counts as
 * recognised only when, in the word alignment of the WER computation, every
 * one of its words is aligned to an identical hypothesis word and no extra
 * word is inserted between them. Anything else (substituted, deleted or split
 * term) is a miss. Rate = misses / occurrences (0 when no term occurs).
 * Terms the transcript adds without the reference saying them are not counted
 * here: they are insertions in the ordinary WER.
 */
import { getNormalizer, type NormalizerName } from '../normalizers';
import { wordErrorRate, type AlignmentOp } from './wer';

export interface TermResult {
  term: string;
  occurrences: number;
  missed: number;
}

export interface MedicalTermErrorRate {
  rate: number;
  occurrences: number;
  missed: number;
  /** Only terms that occur in the reference, in list order. */
  terms: TermResult[];
}

interface ReferenceWordState {
  equal: boolean;
  /** An inserted hypothesis word sits right before this reference word. */
  insertionBefore: boolean;
}

function referenceStates(alignment: AlignmentOp[]): ReferenceWordState[] {
  const states: ReferenceWordState[] = [];
  let pendingInsertion = false;
  for (const a of alignment) {
    if (a.op === 'ins') { pendingInsertion = true; continue; }
    states.push({ equal: a.op === 'equal', insertionBefore: pendingInsertion });
    pendingInsertion = false;
  }
  return states;
}

export function medicalTermErrorRate(
  reference: string,
  hypothesis: string,
  terms: readonly string[],
  normalizer: NormalizerName = 'none',
): MedicalTermErrorRate {
  const normalize = getNormalizer(normalizer);
  const termWords = terms
    .map((term) => ({ term, words: normalize(term).split(/\s+/).filter((w) => w.length > 0) }))
    .filter((t) => t.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  const wer = wordErrorRate(reference, hypothesis, normalizer);
  const ref = wer.referenceWords;
  const states = referenceStates(wer.alignment);

  const results = new Map<string, TermResult>();
  let i = 0;
  while (i < ref.length) {
    const hit = termWords.find((t) => t.words.every((w, k) => ref[i + k] === w));
    if (!hit) { i++; continue; }
    const n = hit.words.length;
    let recognised = true;
    for (let k = 0; k < n; k++) {
      const s = states[i + k]!;
      if (!s.equal || (k > 0 && s.insertionBefore)) { recognised = false; break; }
    }
    const r = results.get(hit.term) ?? { term: hit.term, occurrences: 0, missed: 0 };
    r.occurrences++;
    if (!recognised) r.missed++;
    results.set(hit.term, r);
    i += n;
  }
  const ordered = [...new Set(terms)].flatMap((t) => results.get(t) ?? []);
  const occurrences = ordered.reduce((n, r) => n + r.occurrences, 0);
  const missed = ordered.reduce((n, r) => n + r.missed, 0);
  return { rate: occurrences === 0 ? 0 : missed / occurrences, occurrences, missed, terms: ordered };
}
