/** Lists edited as one entry per line. Entries are not trimmed: a cue ending in a space ("bor ") means "whole word". */
export const toLines = (list: readonly string[]) => list.join('\n');
export const fromLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
