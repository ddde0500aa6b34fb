/**
 * A growing recording of which only the recent part is kept: positions are
 * absolute sample indices from the start of the recording, and everything
 * before `discardBefore` is freed, so a live session of an hour does not hold
 * an hour of samples.
 */
export class SampleBuffer {
  private data = new Float32Array(16000 * 8);
  private used = 0;
  /** Absolute index of data[0]. */
  private origin = 0;

  /** Absolute index one past the last sample appended. */
  get length(): number {
    return this.origin + this.used;
  }

  /** Absolute index of the first sample still held. */
  get offset(): number {
    return this.origin;
  }

  /** The samples still held, starting at `offset`. */
  view(): Float32Array {
    return this.data.subarray(0, this.used);
  }

  append(chunk: Float32Array): void {
    if (this.used + chunk.length > this.data.length) {
      const grown = new Float32Array(Math.max(this.data.length * 2, this.used + chunk.length));
      grown.set(this.view());
      this.data = grown;
    }
    this.data.set(chunk, this.used);
    this.used += chunk.length;
  }

  /** A copy of [start, end) in absolute indices; the part already discarded reads as silence. */
  slice(start: number, end: number): Float32Array {
    const out = new Float32Array(Math.max(0, end - start));
    const from = Math.max(start, this.origin);
    const to = Math.min(end, this.length);
    if (to > from) out.set(this.data.subarray(from - this.origin, to - this.origin), from - start);
    return out;
  }

  discardBefore(index: number): void {
    const drop = Math.min(Math.max(0, index - this.origin), this.used);
    if (drop === 0) return;
    this.data.copyWithin(0, drop, this.used);
    this.used -= drop;
    this.origin += drop;
  }
}
