/**
 * Python's `re` treats every Unicode letter and digit as a word character,
 * JavaScript's `\b` only ASCII ones. The ported patterns use these lookarounds
 * instead of `\b` so "café" does not end a word at "é".
 */
const W = '[\\p{L}\\p{N}_]';
/** Word boundary before a word character. */
export const B_START = `(?<!${W})`;
/** Word boundary after a word character. */
export const B_END = `(?!${W})`;

/** A Unicode-aware global regex from a pattern using B_START/B_END. */
export const re = (pattern: string): RegExp => new RegExp(pattern, 'gu');
