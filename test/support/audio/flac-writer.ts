import { crc16, crc8 } from '../../../server/pipeline/audio/flac/crc';

/**
 * Hand-assembles a one-frame mono 16-bit FLAC stream with a fixed order-1
 * predictor and two residual partitions: the first escape-coded (raw 16-bit
 * values), the second Rice-coded. No encoder at hand writes escape
 * partitions, so this is how the decoder's escape path is tested.
 */
class BitWriter {
  readonly bytes: number[] = [];
  private bits = 0;

  write(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      const bit = Math.floor(value / 2 ** i) & 1;
      if (this.bits % 8 === 0) this.bytes.push(0);
      if (bit) this.bytes[this.bytes.length - 1]! |= 0x80 >> this.bits % 8;
      this.bits++;
    }
  }

  signed(value: number, n: number): void {
    this.write(value < 0 ? value + 2 ** n : value, n);
  }

  rice(value: number, k: number): void {
    const folded = value >= 0 ? 2 * value : -2 * value - 1;
    this.write(0, Math.floor(folded / 2 ** k));
    this.write(1, 1);
    this.write(folded % 2 ** k, k);
  }

  align(): void {
    this.bits = this.bytes.length * 8;
  }
}

export function escapedFlac(warmUp: number, escaped: number[], riced: number[], riceParameter: number): Uint8Array {
  const blockSize = 1 + escaped.length + riced.length;
  if (riced.length !== escaped.length + 1) throw new Error('two equal partitions: the first holds the warm-up sample');
  const out = new BitWriter();
  out.write(0x664c6143, 32); // "fLaC"
  out.write(1, 1); // last metadata block
  out.write(0, 7); // STREAMINFO
  out.write(34, 24);
  out.write(blockSize, 16);
  out.write(blockSize, 16);
  out.write(0, 24);
  out.write(0, 24);
  out.write(16000, 20);
  out.write(0, 3); // 1 channel
  out.write(15, 5); // 16 bits
  out.write(blockSize, 36);
  out.write(0, 128); // no MD5

  const frameStart = out.bytes.length;
  out.write(0xfff8, 16); // sync, fixed block size
  out.write(6, 4); // block size: 8 bits follow
  out.write(0, 4); // sample rate from STREAMINFO
  out.write(0, 4); // mono
  out.write(4, 3); // 16 bits
  out.write(0, 1);
  out.write(0, 8); // frame number 0
  out.write(blockSize - 1, 8);
  out.write(crc8(Uint8Array.from(out.bytes), frameStart, out.bytes.length), 8);

  out.write(0, 1);
  out.write(0b001001, 6); // FIXED, order 1
  out.write(0, 1); // no wasted bits
  out.signed(warmUp, 16);
  out.write(0, 2); // 4-bit Rice parameters
  out.write(1, 4); // partition order 1
  out.write(15, 4); // escape
  out.write(16, 5);
  for (const r of escaped) out.signed(r, 16);
  out.write(riceParameter, 4);
  for (const r of riced) out.rice(r, riceParameter);
  out.align();
  out.write(crc16(Uint8Array.from(out.bytes), frameStart, out.bytes.length), 16);
  return Uint8Array.from(out.bytes);
}
