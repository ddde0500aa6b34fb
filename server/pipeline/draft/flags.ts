import crypto from 'node:crypto';
import { checkGrounding, headingLine } from '../../../evals/metrics/grounding';
import type { SentenceFlag } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { WorkflowSpec } from '../../contracts/workflow';

/**
 * Runs the grounding checker (evals/metrics/grounding) once over all draft
 * sentences, one per line, and hands each flag back to the sentence it falls
 * in, with offsets relative to that sentence. One run instead of one per
 * sentence: the transcript is prepared once, and a note of 40 sentences
 * stays a few milliseconds.
 */
export const newId = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;

export function flagSentences(
  texts: readonly string[],
  segments: readonly TranscriptSegment[],
  workflow: WorkflowSpec,
  /** each sentence's section heading: given to the checker as heading lines, as in a whole note */
  headings: readonly (string | null)[] = [],
): SentenceFlag[][] {
  const out: SentenceFlag[][] = texts.map(() => []);
  if (texts.length === 0) return out;
  // Newlines inside a sentence would shift the checker's line logic; a space keeps offsets equal.
  const lines = texts.map((t) => t.replace(/[\r\n]/g, ' '));
  const parts: string[] = [];
  const starts: number[] = [];
  let at = 0;
  let section: string | null = null;
  lines.forEach((line, i) => {
    const heading = headingLine(headings[i]);
    if (heading !== null && heading !== section) {
      parts.push(heading);
      at += heading.length + 1;
      section = heading;
    }
    starts.push(at);
    parts.push(line);
    at += line.length + 1;
  });
  const note = parts.join('\n');
  const result = checkGrounding({
    transcript: segments.map((s) => ({ id: s.id, text: s.text })),
    note,
    language: workflow.language,
    vocabulary: { drugs: workflow.vocabulary.drugs },
  });
  for (const flag of result.flags) {
    const i = lastIndexAtOrBefore(starts, flag.start);
    const start = starts[i] ?? 0;
    const sentence = out[i];
    // A flag on a heading line belongs to no sentence.
    if (sentence === undefined || flag.start < start || flag.start > start + (lines[i]?.length ?? 0)) continue;
    sentence.push({
      id: newId('fl'),
      kind: flag.kind,
      span: flag.span,
      start: flag.start - start,
      end: Math.min(flag.end - start, lines[i]?.length ?? 0),
      // With segments given, the checker names a segment id, never transcript text.
      evidence: flag.evidence !== null && segments.some((s) => s.id === flag.evidence) ? flag.evidence : null,
      severity: flag.severity,
      message: flag.message,
      said: flag.said,
      resolution: null,
    });
  }
  return out;
}

function lastIndexAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
