import { hasStem, isContentWord, stemTokens, type Language } from '../../../evals/metrics/grounding';
import type { z } from 'zod';
import type { EvidenceRefSchema } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';

/**
 * Links a draft sentence to the transcript segments it rests on. Cited ids
 * are only believed when the segment shares content words with the sentence
 * (a model may cite the wrong line); a sentence left without evidence gets
 * the best-matching segments by content-word overlap. The stemmer and
 * stop-word rules are the grounding checker's, so "febern" supports "feber".
 */
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

/** Share of the sentence's content stems a segment must cover to be aligned to it. */
const MIN_ALIGN_RECALL = 0.3;
const MAX_ALIGNED = 2;

export interface IndexedSegment {
  segment: TranscriptSegment;
  index: number;
  stems: Set<string>;
  /** every stem, content or not: answers such as "nej" carry no content word */
  allStems: Set<string>;
}

export function indexSegments(segments: readonly TranscriptSegment[], language: Language): Map<string, IndexedSegment> {
  return new Map(segments.map((segment, index) => [segment.id, { segment, index, ...stemsOf(segment.text, language) }]));
}

export function stemsOf(text: string, language: Language): { stems: Set<string>; allStems: Set<string> } {
  const tokens = stemTokens(text, language);
  return { stems: new Set(tokens.filter((t) => isContentWord(t, language)).map((t) => t.stem)), allStems: new Set(tokens.map((t) => t.stem)) };
}

function shared(sentence: ReadonlySet<string>, segment: ReadonlySet<string>): number {
  let n = 0;
  for (const stem of sentence) if (hasStem(segment, stem)) n++;
  return n;
}

const ref = (s: TranscriptSegment, source: EvidenceRef['source']): EvidenceRef => ({ segmentId: s.id, start: s.start, end: s.end, source });

/**
 * Cited segments that share a content word are kept (any word, when the
 * sentence has no content word). A cited neighbour of a
 * kept segment that shares any word is kept too: "Röker: nej." cites the
 * question and the one-word answer, and "nej" is no content word.
 */
export function verifyCited(sentence: string, cited: readonly string[], segments: ReadonlyMap<string, IndexedSegment>, language: Language): EvidenceRef[] {
  const own = stemsOf(sentence, language);
  const candidates = [...new Set(cited)].map((id) => segments.get(id)).filter((s): s is IndexedSegment => s !== undefined);
  const verified = candidates.filter((c) => (own.stems.size > 0 ? shared(own.stems, c.stems) : shared(own.allStems, c.allStems)) > 0);
  const neighbours = candidates.filter(
    (c) => !verified.includes(c) && verified.some((v) => Math.abs(v.index - c.index) === 1) && shared(own.allStems, c.allStems) > 0,
  );
  return [...verified, ...neighbours].sort((a, b) => a.index - b.index).map((c) => ref(c.segment, 'cited'));
}

/** The best segments by recall of the sentence's content stems; none when nothing matches well enough. */
export function alignEvidence(sentence: string, segments: ReadonlyMap<string, IndexedSegment>, language: Language): EvidenceRef[] {
  const own = stemsOf(sentence, language);
  // "Sedan två veckor ungefär." has no content word; then every word counts.
  const byContent = own.stems.size > 0;
  const stems = byContent ? own.stems : own.allStems;
  if (stems.size === 0) return [];
  const scored = [...segments.values()]
    .map((s) => ({ s, recall: shared(stems, byContent ? s.stems : s.allStems) / stems.size }))
    .filter((x) => x.recall >= MIN_ALIGN_RECALL)
    .sort((a, b) => b.recall - a.recall || a.s.index - b.s.index);
  const best = scored[0]?.recall ?? 0;
  // Only segments nearly as good as the best: a weak second match is noise, not evidence.
  return scored
    .filter((x) => x.recall >= best * 0.75)
    .slice(0, MAX_ALIGNED)
    .sort((a, b) => a.s.index - b.s.index)
    .map((x) => ref(x.s.segment, 'aligned'));
}
