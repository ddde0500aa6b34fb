/**
 * Tokens and sentences with character offsets. Grounding flags must point at
 * exact spans of the note, so every unit keeps its start/end in the source.
 */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the token in its token list. */
  index: number;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * Numbers keep one decimal comma/point ("38,5"); words may carry digits after
 * letters ("B12", "HbA1c"); a hyphen splits ("covid-19" → covid, 19;
 * "typ 2-diabetes" → typ, 2, diabetes) so each part can be checked.
 */
const TOKEN = /\d+(?:[.,]\d+)?|\p{L}+(?:\d+[\p{L}\d]*)?/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, index: out.length });
  }
  return out;
}

export const isNumeric = (token: string): boolean => /^\d/.test(token);

/** A full stop after these is not a sentence end (Swedish and English clinical abbreviations). */
const ABBREVIATIONS = new Set([
  't.ex', 'ex', 'bl.a', 'ca', 'dvs', 'kl', 'osv', 'resp', 'st', 'enl', 'ev', 'pga', 'p.g.a', 'inkl', 'ffa', 'dr', 'nr',
  'vb', 'v.b', 'tel', 'tabl', 'obs', 'jfr', 'mr', 'mrs', 'ms', 'e.g', 'i.e', 'vs', 'approx', 'pt', 'etc', 'u.a', 'ua',
]);

/** Sentence boundary: [.!?] + space + something that can start a sentence, or a line break. */
const BOUNDARY = /([.!?]+)(?=\s+["'([]?[\p{Lu}\d•\-–*])|([.!?]+)\s*$|\n+/gu;

/** Splits text into trimmed non-empty sentences (lines count as sentences too: notes are often lists). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  for (const m of text.matchAll(BOUNDARY)) {
    const punct = m[1] ?? m[2];
    if (punct === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase();
      if (before && ABBREVIATIONS.has(before)) continue;
    }
    const end = m.index + (punct ? punct.length : 0);
    push(end);
    from = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** "Läkare:", "Patient:", "[doctor]", "P:" at the start of a transcript line: who spoke, not what. */
const SPEAKER = /^\s*(?:\[[^\]\n]{1,30}\]|[\p{L}][\p{L} .0-9]{0,24}:)\s*/u;

/** Length of a leading speaker label, 0 if none. */
export function speakerPrefixLength(line: string): number {
  return SPEAKER.exec(line)?.[0].length ?? 0;
}
