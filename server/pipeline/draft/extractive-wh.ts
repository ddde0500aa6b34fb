/**
 * Topics for Swedish questions the closed-question reader leaves out, so a
 * short answer still says what it answers, in words that were said:
 * - "Hur många timmar sover du?" – "Fyra, kanske fem." → "Sover fyra, kanske fem timmar."
 * - "Hur har blodsockret varit hemma?" – "Mellan sju och elva." → "Blodsockret hemma: mellan 7 och 11."
 * - "Hur är det med magen, har du fått avföring?" → the last clause's topic, "Avföring".
 * - "Hur ont gör det på en skala från noll till tio?" – "Kanske sex." → "Ont: kanske 6/10."
 * Open questions about how someone feels ("Hur mår du?", "Vad hände?") get none:
 * their answers stand on their own.
 */

export interface WhTopic {
  topic: string;
  /** the counted noun of "hur många timmar", written after a numeric answer that does not name it */
  unit?: string;
  /** the answer is a score out of ten */
  scale?: boolean;
}

const WH = /^(?:(?:och|men|så)\s+)?(hur\s+(?:många|mycket|ofta|länge|långt|lång)|hur|när|vilka|vilken|vilket)\s+(.*)$/iu;
/** "hur mår du", "hur känns det", "hur går det": feelings and open narratives. */
const OPEN_VERB = /^(?:mår|känns|känner|går|är det|var det|har det gått|har det varit|ser det ut|tänker|upplever)(?![\p{L}])/iu;
const DROP = new Set(['du', 'ni', 'dig', 'er', 'han', 'hon', 'hen', 'det', 'ungefär', 'nu', 'då', 'egentligen', 'själv', 'haft', 'varit', 'fått']);
const AUX = new Set(['har', 'hade', 'är', 'var', 'brukar', 'kan']);
const MAX_WORDS = 5;

const SMALL = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'];
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d+|${SMALL.join('|')}|elva|tolv|\\p{L}*(?:ton|tio|hundra))(?![\\p{L}\\p{N}])`, 'iu');
const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}\s,/-]+/gu, ' ').split(/\s+/).filter((w) => w !== '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function whTopic(question: string): WhTopic | null {
  const text = question.trim().replace(/[?.!]+$/, '');
  const scale = /(?<![\p{L}])skala(?![\p{L}])/iu.test(text) && /(?<![\p{L}])(?:tio|10)(?![\p{L}\p{N}])/iu.test(text);
  if (scale) return /(?<![\p{L}])ont(?![\p{L}])/iu.test(text) ? { topic: 'Ont', scale: true } : null;
  const match = WH.exec(text.replace(/,/g, ''));
  if (!match) return null;
  const wh = (match[1] ?? '').toLowerCase();
  let rest = words(match[2] ?? '');
  let unit: string | undefined;
  if (/^hur (?:många|mycket)$|^vilk/.test(wh) && rest.length > 1 && !AUX.has(rest[0] ?? '')) {
    unit = rest[0];
    rest = rest.slice(1);
  }
  if (wh === 'hur' && OPEN_VERB.test(rest.join(' '))) return null;
  if (AUX.has(rest[0] ?? '')) rest = rest.slice(1);
  if (wh === 'hur' && /^(?:(?:du|ni)\s+)?(?:mått|haft det|det gått|det varit|det med)(?![\p{L}])/iu.test(rest.join(' '))) return null;
  const kept = rest.filter((w) => !DROP.has(w));
  if (kept.length === 0 || kept.length > MAX_WORDS) return null;
  // "Vilka mediciner tar du?" → "Mediciner": the noun is the topic when a verb is all that is left.
  if (unit !== undefined && wh.startsWith('vilk')) return { topic: capital(unit) };
  return { topic: capital(kept.join(' ')), ...(unit === undefined ? {} : { unit }) };
}

/**
 * The last clause of a question after a comma ("Hur är det med magen, har du fått avföring?" → "har
 * du fått avföring?"). One that starts with "eller"/"och" adds an alternative to the same question
 * ("Har du ont när du kissar, eller blod i urinen?"): no clause of its own, so a no denies both
 * (it read "Ej eller blod i urinen"), unless it asks with a verb of its own.
 */
export function lastClause(question: string): string | null {
  const parts = question.split(/,\s*/);
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? null) : null;
  // "…, eller har du fått utslag någon annanstans?" asks a question of its own: that clause stays.
  return last !== null && /^(?:eller|och)\s+(?!(?:har|hade|är|var|kan|får|fick|brukar|känner|tar|märker)\s+(?:du|ni)(?![\p{L}]))/iu.test(last) ? null : last;
}

/** A numeric answer with the counted noun after it when the answer does not name it: "fyra, kanske fem" + "timmar". */
export function withUnit(answer: string, wh: WhTopic): string {
  const text = answer.trim().replace(/[.!]+$/, '');
  if (wh.scale) {
    const digits = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${SMALL.join('|')})(?![\\p{L}\\p{N}])`, 'iu'), (w) => String(SMALL.indexOf(w.toLowerCase())));
    const scored = digits.replace(/(?<![\p{L}\p{N}/])(\d+(?:,\d+)?)(?![\p{L}\p{N}/])(?!\s*(?:av|\/)\s*(?:10|tio))/u, '$1/10');
    return `${wh.topic}: ${scored.charAt(0).toLowerCase()}${scored.slice(1)}.`;
  }
  const lower = text.charAt(0).toLowerCase() + text.slice(1);
  if (wh.unit !== undefined && NUMBER.test(text) && !text.toLowerCase().includes(wh.unit.slice(0, 4))) return `${wh.topic} ${lower} ${wh.unit}.`;
  return `${wh.topic}: ${lower}.`;
}
