/**
 * What a number says about its quantity, beyond its type: a value ("vikt
 * 74,2 kg"), a change ("gått ner 1,8 kilo", "viktnedgång 1,8 kg") or a limit
 * ("feber över 38,5", "NRS > 4", "högst tre gånger per dag"). A change or a
 * limit is never the value itself, so each is compared only with numbers of
 * the same role. The circumstance ("i natt", "vid förra besöket", "i vila",
 * "vid gång") tells two values of one quantity apart when a note gives both
 * ("NRS 5 (7 i natt)"): then each must match the one said for its circumstance.
 */
import type { Sentence } from './document';
import type { Quantity } from './quantities';

export type Role = 'value' | 'change' | 'limit';
export type Circumstance = 'earlier' | 'rest' | 'activity' | null;

const L = String.raw`(?<![\p{L}])`;
const R = String.raw`(?![\p{L}])`;
const APPROX = String.raw`(?:(?:med|ca|cirka|ungefär|nästan|drygt|knappt|kanske|runt|omkring|typ)\s+)*`;
// "gått ner ett komma åtta kilo", "ökat 2 kg", "viktnedgång 1,8 kg", "+2 kg", "höjer du med två enheter".
const CHANGE = new RegExp(
  `(?:${L}(?:gått|gick|går|har|gå)\\s+(?:upp|ner|ned)|${L}\\p{L}*(?:ökat|ökade|ökning|minskat|minskade|minskning|tappat|tappade|nedgång|uppgång|stigit|sjunkit)|${L}(?:höj|sänk|ök|minsk)\\p{L}*(?:\\s+\\p{L}+)?\\s+med|[+±])\\s*${APPROX}$`,
  'iu',
);
// "över trettioåtta och fem", "> 38,5", "mer än två kilo", "högst tre gånger".
const LIMIT = new RegExp(`(?:${L}(?:över|mer än|mindre än|minst|högst)|[<>≥≤])\\s*(?:x\\s*)?${APPROX}$`, 'iu');
// "max x 3/dygn", "max 4 g per dygn" limit a dose; "max 39,8 i natt" is the highest reading, a value.
const MAX = new RegExp(`${L}(?:max|maximalt)\\s*(?:x\\s*)?${APPROX}$`, 'iu');
const READINGS = new Set<Quantity['type']>(['temp', 'pulse', 'spo2', 'bp', 'rr', 'pain', 'score', 'glucose', 'weight']);
// "två kilo mer än i våras": the comparison after the number makes it a change.
const CHANGE_AFTER = /^[^,.;:]{0,12}?(?<![\p{L}])(?:mer|mindre|högre|lägre)\s+än(?![\p{L}])/iu;
// "Åtta eller mer betyder spelproblem": a threshold said after its number.
const LIMIT_AFTER = /^\s*(?:poäng\s+)?(?:eller\s+(?:mer|mera|fler|högre|över|mindre|lägre|under)|och\s+(?:uppåt|över|högre))(?![\p{L}])/iu;
// "under" is a limit only for values, not for durations ("under tre veckor" is how long).
const BELOW = new RegExp(`${L}under\\s*${APPROX}$`, 'iu');

export function roleOf(text: string, q: Quantity, sentenceStart: number): Role {
  const before = text.slice(Math.max(sentenceStart, q.start - 40), q.start);
  if (CHANGE.test(before) || CHANGE_AFTER.test(text.slice(q.end, q.end + 30))) return 'change';
  if (LIMIT.test(before) || LIMIT_AFTER.test(text.slice(q.end, q.end + 30)) || (q.type !== 'duration' && BELOW.test(before)) || (!READINGS.has(q.type) && MAX.test(before))) return 'limit';
  return 'value';
}

const MARKERS: [Exclude<Circumstance, null>, RegExp][] = [
  // Admission, discharge and the start of a treatment are earlier points of one quantity ("Hb 86 (102 vid inskrivning)").
  ['earlier', new RegExp(`${L}(?:i\\s*natt|natten|förra|förut|tidigare|i\\s*går|igår|inskrivning\\p{L}*|utskrivning\\p{L}*|start|starten|började|före behandling\\p{L}*|innan behandling\\p{L}*|last time|previously)${R}`, 'iu')],
  ['rest', new RegExp(`${L}(?:vila|vilan|i vila|at rest)${R}`, 'iu')],
  ['activity', new RegExp(`${L}(?:gång|går|belastning|ansträngning|aktivitet|rörelse|walking|exercise)${R}`, 'iu')],
];

/** The circumstance named in the number's own clause (clauses end at , ; : and brackets). */
export function circumstanceOf(text: string, q: Quantity, s: Sentence | undefined): Circumstance {
  if (!s) return null;
  const from = Math.max(s.start, ...[',', ';', ':', '(', ')'].map((c) => text.lastIndexOf(c, q.start - 1) + 1));
  const ends = [',', ';', ':', '(', ')'].map((c) => text.indexOf(c, q.end)).filter((i) => i >= 0 && i < s.end);
  const clause = text.slice(from, Math.min(s.end, ...ends));
  return MARKERS.find(([, re]) => re.test(clause))?.[0] ?? null;
}

/**
 * What a weight in kg is of: a grip or muscle force ("Jamar vä 26 kg", "greppstyrka"), a training
 * load ("excentrisk träning med 0,5 kg", "hantel") or, by default, the body weight. Only weights of
 * the same kind are compared.
 */
export type Weighed = 'force' | 'load' | 'body';
const FORCE = /grepp|jamar|styrk|kraft/iu;
const LOAD = /träning|övning|excentr|hantel|belast|lyft|halvkilo|kilosvikt|vikter(?![\p{L}])/iu;
export const weighedOf = (text: string): Weighed => (FORCE.test(text) ? 'force' : LOAD.test(text) ? 'load' : 'body');
