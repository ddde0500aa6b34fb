/** British → American spellings (Whisper's EnglishSpellingNormalizer), word by word. */
import { z } from 'zod';
import mapping from '../../data/english-spelling.json';

const SPELLINGS = new Map(Object.entries(z.record(z.string(), z.string()).parse(mapping)));

export function standardizeSpellings(s: string): string {
  return s.split(/\s+/).filter((w) => w.length > 0).map((w) => SPELLINGS.get(w) ?? w).join(' ');
}
