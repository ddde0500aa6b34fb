/**
 * Word tokenisers for overlap metrics (ROUGE) and a token interner so the
 * metrics can compare small integers in typed arrays instead of strings.
 */

/**
 * - `rouge-score`: Google rouge-score's default tokeniser (lowercase, every
 *   run outside [a-z0-9] is a separator, no stemming). Needed to reproduce
 *   published English figures exactly; it splits "förstoppning" into
 *   "f rstoppning", so it is wrong for Swedish.
 * - `unicode`: the same idea over Unicode letters, marks and digits (å ä ö
 *   stay inside words). Used for Swedish notes.
 */
export type TokenizerMode = 'rouge-score' | 'unicode';

const ROUGE_SEPARATOR = /[^a-z0-9]+/;
const UNICODE_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

export function tokenize(text: string, mode: TokenizerMode): string[] {
  const lowered = mode === 'unicode' ? text.normalize('NFC').toLowerCase() : text.toLowerCase();
  const parts = lowered.split(mode === 'unicode' ? UNICODE_SEPARATOR : ROUGE_SEPARATOR);
  return parts.filter((p) => p.length > 0);
}

/** Maps tokens to dense ids; one interner per comparison keeps ids small. */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }

  encode(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.id(tokens[i]!);
    return out;
  }

  get size(): number {
    return this.ids.size;
  }
}
