/**
 * Whisper's `remove_symbols_and_diacritics`: NFKD, drop combining marks (Mn),
 * map a few letters NFKD does not decompose, and turn every other mark,
 * symbol or punctuation character into a space.
 */
const ADDITIONAL_DIACRITICS: Readonly<Record<string, string>> = {
  'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'ß': 'ss', 'ẞ': 'SS',
  'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'th', 'ł': 'l', 'Ł': 'L',
};

const NONSPACING_MARK = /^\p{Mn}$/u;
const MARK_SYMBOL_PUNCT = /^[\p{M}\p{S}\p{P}]$/u;

export function removeSymbolsAndDiacritics(s: string, keep = ''): string {
  let out = '';
  for (const c of s.normalize('NFKD')) {
    if (keep.includes(c)) out += c;
    else if (c in ADDITIONAL_DIACRITICS) out += ADDITIONAL_DIACRITICS[c];
    else if (NONSPACING_MARK.test(c)) continue;
    else if (MARK_SYMBOL_PUNCT.test(c)) out += ' ';
    else out += c;
  }
  return out;
}
