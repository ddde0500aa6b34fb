import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { reserve, simdKernels } from '../../../server/pipeline/simd/kernels';

describe('WebAssembly SIMD kernels', () => {
  it('are the assembled kernels.wat (npm run build:wasm)', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('decimate 16-bit and float samples as a double-precision FIR does, to f32 rounding', () => {
    const k = simdKernels();
    expect(k).not.toBeNull();
    let seed = 11;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const [down, taps] of [
      [3, 40],
      [2, 28],
      [6, 4],
    ] as const) {
      const count = 1000;
      const length = (count - 1) * down + taps;
      const coef = Float32Array.from({ length: taps }, () => random() - 0.5);
      const x = Int16Array.from({ length }, () => Math.floor(random() * 65536) - 32768);
      // Layout (f32 elements): coef at 0, x after it, out after x.
      const xAt = taps;
      const outAt = xAt + length;
      reserve(k!, (outAt + count) * 4);
      const memory = k!.memory.buffer;
      new Float32Array(memory, 0, taps).set(coef);
      const expected = Array.from({ length: count }, (_, n) => coef.reduce((sum, c, j) => sum + c * x[n * down + j]!, 0));
      const bound = 32768 * coef.reduce((sum, c) => sum + Math.abs(c), 0) * 2 ** -20;

      new Int16Array(memory, xAt * 4, length).set(x);
      k!.decimate_i16(xAt * 2, down, 0, taps, outAt, count);
      const fromInt = new Float32Array(memory, outAt * 4, count).slice();
      fromInt.forEach((v, n) => expect(Math.abs(v - expected[n]!)).toBeLessThan(bound));

      new Float32Array(memory, xAt * 4, length).set(Float32Array.from(x, (s) => s / 32768));
      k!.decimate_f32(xAt, down, 0, taps, outAt, count);
      const fromFloat = new Float32Array(memory, outAt * 4, count);
      // Scaling by 2⁻¹⁵ commutes with f32 rounding: the two paths agree bit for bit.
      expect(Array.from(fromFloat)).toEqual(Array.from(fromInt, (v) => Math.fround(v / 32768)));
    }
  });
});
