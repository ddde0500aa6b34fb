/**
 * Sentence splitting for transcripts. ASR output and pasted text are both
 * punctuated unevenly ("okay . and fevers ?" in ACI-Bench, "38.5" or
 * "t.ex." in Swedish), so a split needs terminal punctuation followed by
 * whitespace, and never splits after a known abbreviation.
 */

// Lower-case, without the final dot. Swedish and English clinical speech.
const ABBREVIATIONS = new Set([
  't.ex', 'bl.a', 'm.m', 'd.v.s', 'dvs', 'o.s.v', 'osv', 'ca', 'kl', 'resp', 'ev', 'jfr', 'st', 'tel',
  'dr', 'mr', 'mrs', 'ms', 'e.g', 'i.e', 'vs', 'approx', 'no',
]);

const TERMINAL = /[.!?…]+$/;

/** Splits one segment's text into trimmed, non-empty sentences, keeping their punctuation. */
export function splitSentences(text: string): string[] {
  const tokens = text.replace(/\s+/g, ' ').trim().split(' ');
  const sentences: string[] = [];
  let current: string[] = [];
  for (const token of tokens) {
    if (token === '') continue;
    // A lone punctuation token ("so , okay .") ends the sentence it follows.
    current.push(token);
    if (TERMINAL.test(token) && !isAbbreviation(token)) {
      sentences.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current.join(' '));
  return sentences.map(attachPunctuation).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function isAbbreviation(token: string): boolean {
  if (/[!?…]$/.test(token)) return false;
  const bare = token.toLowerCase().replace(/^[("'«]+/, '').replace(/\.+$/, '');
  return ABBREVIATIONS.has(bare);
}

/** "okay , so we ." → "okay, so we." (ACI-Bench writes punctuation as separate tokens). */
function attachPunctuation(sentence: string): string {
  return sentence.replace(/\s+([,.!?…;:])/g, '$1');
}
