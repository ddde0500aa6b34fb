import { corrupt } from '../audio-error';
import type { BitReader } from './bit-reader';

/*
 * FLAC subframes (RFC 9639 §9.2). Samples are kept in Float64Array: a side
 * channel of 32-bit audio needs 33 bits, and LPC sums exceed 32 bits, while
 * doubles stay exact to 2^53.
 */

const FIXED_COEFFICIENTS: readonly (readonly number[])[] = [
  [],
  [1],
  [2, -1],
  [3, -3, 1],
  [4, -6, 4, -1],
];

function readResidual(reader: BitReader, out: Float64Array, order: number): void {
  const method = reader.readBits(2);
  if (method > 1) throw corrupt('FLAC-data', `reserved residual coding method ${method}`);
  const paramBits = method === 0 ? 4 : 5;
  const escape = (1 << paramBits) - 1;
  const partitionOrder = reader.readBits(4);
  const partitions = 1 << partitionOrder;
  const perPartition = out.length >> partitionOrder;
  if (perPartition << partitionOrder !== out.length || perPartition < order) {
    throw corrupt('FLAC-data', `partition order ${partitionOrder} does not fit block of ${out.length}`);
  }
  let i = order;
  for (let p = 0; p < partitions; p++) {
    const end = (p + 1) * perPartition;
    const k = reader.readBits(paramBits);
    if (k === escape) {
      const bits = reader.readBits(5);
      for (; i < end; i++) out[i] = reader.readSigned(bits);
    } else {
      for (; i < end; i++) out[i] = reader.readRice(k);
    }
  }
}

/** Turn residuals (already in `out` after the warm-up) into samples. */
function predict(out: Float64Array, coefficients: readonly number[], shift: number): void {
  const order = coefficients.length;
  const divisor = 2 ** shift;
  for (let i = order; i < out.length; i++) {
    let sum = 0;
    for (let j = 0; j < order; j++) sum += coefficients[j]! * out[i - j - 1]!;
    out[i]! += Math.floor(sum / divisor);
  }
}

function readWarmUp(reader: BitReader, out: Float64Array, order: number, bps: number): void {
  if (order > out.length) throw corrupt('FLAC-data', `predictor order ${order} exceeds block size`);
  for (let i = 0; i < order; i++) out[i] = reader.readSigned(bps);
}

export function readSubframe(reader: BitReader, blockSize: number, frameBps: number): Float64Array {
  if (reader.readBits(1) !== 0) throw corrupt('FLAC-data', 'subframe padding bit set');
  const type = reader.readBits(6);
  const wasted = reader.readBits(1) === 1 ? reader.readUnary() + 1 : 0;
  const bps = frameBps - wasted;
  if (bps < 1) throw corrupt('FLAC-data', `${wasted} wasted bits of ${frameBps}`);
  const out = new Float64Array(blockSize);

  if (type === 0) {
    out.fill(reader.readSigned(bps));
  } else if (type === 1) {
    for (let i = 0; i < blockSize; i++) out[i] = reader.readSigned(bps);
  } else if (type >= 8 && type <= 12) {
    const order = type - 8;
    readWarmUp(reader, out, order, bps);
    readResidual(reader, out, order);
    predict(out, FIXED_COEFFICIENTS[order]!, 0);
  } else if (type >= 32) {
    const order = type - 31;
    readWarmUp(reader, out, order, bps);
    const precision = reader.readBits(4) + 1;
    if (precision === 16) throw corrupt('FLAC-data', 'invalid LPC coefficient precision');
    const shift = reader.readSigned(5);
    if (shift < 0) throw corrupt('FLAC-data', 'negative LPC shift');
    const coefficients = Array.from({ length: order }, () => reader.readSigned(precision));
    readResidual(reader, out, order);
    predict(out, coefficients, shift);
  } else {
    throw corrupt('FLAC-data', `reserved subframe type ${type}`);
  }

  if (wasted > 0) {
    const scale = 2 ** wasted;
    for (let i = 0; i < blockSize; i++) out[i]! *= scale;
  }
  return out;
}
