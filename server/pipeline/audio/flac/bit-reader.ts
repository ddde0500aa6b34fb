import { corrupt } from '../audio-error';

/** Big-endian bit reader over a byte array, as FLAC frames are packed. */
export class BitReader {
  byte: number;
  private bit = 0;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.byte = start;
  }

  private pastEnd(): never {
    throw corrupt('FLAC-data', 'frame runs past the end of the file');
  }

  private current(): number {
    return this.bytes[this.byte] ?? this.pastEnd();
  }

  /** Unsigned value of `n` ≤ 32 bits. */
  readBits(n: number): number {
    if (n === 0) return 0;
    if (n > 24) return this.readBits(n - 16) * 65536 + this.readBits(16);
    // Fast path: the n bits lie within the next four bytes (bit offset ≤ 7, n ≤ 24).
    const end = this.bit + n;
    if (this.byte + ((end + 7) >> 3) > this.bytes.length) this.pastEnd();
    const b = this.bytes;
    const i = this.byte;
    const word = ((b[i]! << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
    const value = ((word << this.bit) >>> 0) >>> (32 - n);
    this.byte += end >> 3;
    this.bit = end & 7;
    return value;
  }

  /** Two's-complement value of `n` bits (n may be 0). */
  readSigned(n: number): number {
    if (n === 0) return 0;
    const value = this.readBits(n);
    const half = 2 ** (n - 1);
    return value >= half ? value - 2 * half : value;
  }

  /** Count of 0 bits before the next 1 bit, which is consumed. */
  readUnary(): number {
    let count = 0;
    for (;;) {
      const rest = (this.current() << this.bit) & 0xff;
      if (rest === 0) {
        count += 8 - this.bit;
        this.bit = 0;
        this.byte++;
        continue;
      }
      const zeros = Math.clz32(rest) - 24;
      count += zeros;
      this.bit += zeros + 1;
      if (this.bit === 8) {
        this.bit = 0;
        this.byte++;
      }
      return count;
    }
  }

  /** A Rice-coded, zigzag-folded residual with parameter `k`. */
  readRice(k: number): number {
    // Fast path: quotient, stop bit and k low bits all within the next four bytes (the common case).
    const b = this.bytes;
    const i = this.byte;
    const word = ((((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) << this.bit) >>> 0;
    const zeros = Math.clz32(word);
    const used = zeros + 1 + k;
    if (word !== 0 && used <= 32 - this.bit) {
      // used ≤ 32 keeps (zeros << k) below 2^31, so int32 arithmetic is exact here.
      const folded = k === 0 ? zeros : (zeros << k) | (((word << (zeros + 1)) >>> 0) >>> (32 - k));
      const end = this.bit + used;
      this.byte += end >> 3;
      this.bit = end & 7;
      if (this.byte + (this.bit > 0 ? 1 : 0) > b.length) this.pastEnd();
      return (folded >>> 1) ^ -(folded & 1);
    }
    const folded = this.readUnary() * 2 ** k + this.readBits(k);
    return folded % 2 === 0 ? folded / 2 : -(folded + 1) / 2;
  }

  alignToByte(): void {
    if (this.bit !== 0) {
      this.bit = 0;
      this.byte++;
    }
  }
}
