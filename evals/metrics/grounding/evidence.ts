/**
 * The transcript sentence closest to a note sentence, by shared content
 * stems: shown next to a flag so the reviewer can compare at once.
 */
import type { Sentence } from './document';

export function closestEvidence(noteSentence: Sentence | undefined, transcript: readonly Sentence[]): string | null {
  if (!noteSentence) return null;
  let best: Sentence | null = null;
  let bestScore = 0;
  for (const t of transcript) {
    let shared = 0;
    for (const s of noteSentence.stems) if (t.stems.has(s)) shared++;
    if (shared > bestScore) { best = t; bestScore = shared; }
  }
  if (!best) return null;
  return best.segmentId ?? best.text;
}
