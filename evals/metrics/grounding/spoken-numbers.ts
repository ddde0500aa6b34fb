/**
 * Spoken-number repairs on the number mentions of a text, before they get a
 * quantity type: numbers inside clock phrases, and temperatures said with
 * their decimal after "och".
 */
/** A number inside a clock phrase ("nio" in "halv nio") is part of it, not a value of its own. */
export function dropCovered(mentions: { start: number; end: number; phrase: unknown }[]): void {
  const phrases = mentions.filter((m) => m.phrase !== null);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.phrase === null && phrases.some((p) => p.start <= m.start && m.end <= p.end)) mentions.splice(i, 1);
  }
}

/**
 * "Trettioåtta och sju": spoken Swedish gives a temperature's decimal after
 * "och". A whole number 34–42 followed by "och" and one digit is one value.
 */
export function mergeSpokenDecimals(mentions: { values: number[]; start: number; end: number; text: string }[], text: string): void {
  for (const a of mentions) {
    const [x] = a.values;
    if (a.values.length !== 1 || x === undefined || !Number.isInteger(x) || x < 34 || x > 42 || /\d/.test(a.text)) continue;
    const one = /^\s+och\s+(?:en|ett)(?![\p{L}])/u.exec(text.slice(a.end));
    if (!one) continue;
    a.values = [x + 0.1];
    a.end += one[0].length;
    a.text = text.slice(a.start, a.end);
  }
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    const [x] = a.values;
    const [y] = b.values;
    if (a.values.length !== 1 || b.values.length !== 1 || x === undefined || y === undefined) continue;
    if (!Number.isInteger(x) || x < 34 || x > 42 || !Number.isInteger(y) || y < 0 || y > 9) continue;
    if (!/^\s+och\s+$/.test(text.slice(a.end, b.start)) || /\d/.test(a.text)) continue;
    a.values = [x + y / 10];
    a.end = b.end;
    a.text = text.slice(a.start, a.end);
    mentions.splice(i + 1, 1);
  }
}
