import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Start, sha256Update, type Sha256State } from '../../client/src/features/recording/sha256';

/**
 * The recorder's incremental SHA-256 must give the digest of all audio in
 * order, however the audio was cut into chunks and however often the state
 * went through IndexedDB (structured clone, here JSON) in between.
 */
describe('incremental SHA-256 (client)', () => {
  const reference = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

  it('matches the standard digest for the edge lengths of the 64-byte block', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 256);
      expect(sha256Hex(sha256Update(sha256Start(), bytes))).toBe(reference(bytes));
    }
  });

  it('matches it for audio cut at random places, with the state saved and restored between chunks', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 20; trial++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 20_000) }, () => Math.floor(random() * 256));
      let state: Sha256State = sha256Start();
      for (let at = 0; at < bytes.length; ) {
        const end = Math.min(bytes.length, at + 1 + Math.floor(random() * 3000));
        state = JSON.parse(JSON.stringify(sha256Update(state, bytes.subarray(at, end)))) as Sha256State;
        at = end;
      }
      expect(sha256Hex(state)).toBe(reference(bytes));
    }
  });
});
