/**
 * How a transcript segment is named to a clinician: its time in the
 * recording ("1:05") when it has one, else its place in the conversation
 * ("Replik 3"). Never the internal id ("s3"), which means nothing to a reader.
 */
export function segmentClock(seconds: number | null): string {
  if (seconds === null) return '';
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function segmentLabel(segment: { start: number | null }, index: number): string {
  return segment.start !== null ? segmentClock(segment.start) : `Replik ${index + 1}`;
}
