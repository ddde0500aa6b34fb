import type { TranscriptSegment } from '../../contracts/transcript';

/**
 * Releases segments in time order with ids s1, s2, …. Windows are transcribed
 * in order of their start, so once a window is done nothing earlier than the
 * next window's start can still arrive; with one track that is every segment
 * at once, with one speaker per channel the tracks interleave correctly.
 */
export class SegmentSequencer {
  private pending: TranscriptSegment[] = [];
  readonly released: TranscriptSegment[] = [];

  constructor(private readonly onSegment?: (segment: TranscriptSegment) => void) {}

  add(segments: TranscriptSegment[]): void {
    this.pending.push(...segments);
  }

  releaseBefore(time: number): void {
    this.pending.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    while (this.pending.length > 0 && (this.pending[0]!.start ?? 0) < time) {
      const segment = { ...this.pending.shift()!, id: `s${this.released.length + 1}` };
      this.released.push(segment);
      this.onSegment?.(segment);
    }
  }
}
