/**
 * Numbers checked in context: a value in the note must match what was said
 * for that quantity — the pulse against the pulse, a dose against the dose
 * of that drug, a count of steps against the steps — not merely occur
 * somewhere. Another value said for the same quantity is a contradiction
 * (critical); a value not said at all is "Kontrollera" (warning).
 */
import { hasStem } from './content';
import { quote, raise, type Context } from './context';
import { ordinalValuesOf } from './numbers';
import { circumstanceOf, roleOf, weighedOf, type Circumstance, type Role, type Weighed } from './number-roles';
import { extractQuantities, type Quantity } from './quantities';
import { measureOfToken, NAMEABLE } from './measures';
import { LABELS, SPECIFIC } from './quantity-words';
import type { TermIndex } from './terms';

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
/** Clock times are said on a 12-hour dial ("klockan två") and written on a 24-hour one ("kl 14"). */
const sameValue = (type: Quantity['type'], a: number, b: number): boolean =>
  close(a, b) || (type === 'clock' && a >= 0 && b >= 0 && a < 24 && b < 24 && close(a % 12, b % 12));
const sameValues = (a: Quantity, b: Quantity): boolean => a.values.length === b.values.length && a.values.every((v, i) => sameValue(a.type, v, b.values[i]!));
const sharesTopic = (a: Quantity, b: Quantity): boolean => [...a.topic].some((s) => s.length >= 4 ? hasStem(b.topic, s) : b.topic.has(s));

/** Is transcript quantity `t` a statement about the same quantity as note quantity `n`? */
function sameQuantity(n: Quantity, t: Quantity): boolean {
  // A training load or a grip strength is not the body weight: loads compare only with what shares their words.
  if (n.drug !== null && t.drug !== null && n.drug !== t.drug) return false;
  if (n.side !== null && t.side !== null && n.side !== t.side) return false;
  if (n.type === 'count') {
    if (t.type === 'times') return countedAs(n, t);
    return n.noun !== null && t.noun !== null && (n.noun === t.noun || hasStem(new Set([t.noun]), n.noun));
  }
  if (SPECIFIC.has(n.type)) return true;
  if (n.drug !== null && n.drug === t.drug) return true;
  return sharesTopic(n, t);
}

/**
 * "Fyra tidigare otiter" against "Har hon haft öroninflammation förut? — Två gånger":
 * a count of episodes is said as a number of times of the same thing (the counted
 * noun, or a diagnosis of the same group, in the times' topic).
 */
function countedAs(n: Quantity, t: Quantity): boolean {
  if (n.noun === null) return false;
  if (hasStem(t.topic, n.noun)) return true;
  const dx = [...n.topic].filter((x) => x.startsWith('#dx:'));
  return dx.length > 0 && dx.some((x) => t.topic.has(x));
}

/**
 * "Eliquis 5 mg x 2" is twice a day by the convention of Swedish records, and "40 mg x 1" may
 * stand for "en gång om dagen" said as just "en gång": times and times per day are compared together.
 */
const FREQUENCY = new Set<Quantity['type']>(['times', 'freq:day']);

/** "en tablett" / "a tablet": 1 counts as said whenever an article is (the parser reads bare en/ett as articles). */
const ONE_WORDS = /(?<![\p{L}])(?:en|ett|a|an|one)(?![\p{L}])/iu;

export function checkNumbers(ctx: Context, drugs: TermIndex): Set<number> {
  const opts = { language: ctx.language, drugs };
  const inNote = withRoles(extractQuantities(ctx.note, ctx.noteSentences, { ...opts, transcript: false }), ctx.note, ctx.noteSentences, false);
  if (inNote.length === 0) return new Set();
  const said = withRoles(extractQuantities(ctx.transcriptText, ctx.transcript, { ...opts, transcript: true }), ctx.transcriptText, ctx.transcript, true);
  const noteText = ctx.note;
  const anyValue = new Set<number>([...said.flatMap((q) => q.raw), ...ctx.transcript.flatMap((s) => ordinalValuesOf(s.tokens))]);
  if (ONE_WORDS.test(ctx.transcriptText)) anyValue.add(1);
  const values = [...anyValue];
  const checked = new Set<number>();
  for (const n of inNote) {
    checked.add(n.start);
    // "Troponin 0 h och 3 h": a zero time is the reference point, not an amount.
    if (n.type === 'duration' && n.values.every((v) => v === 0)) continue;
    const label = LABELS[n.type];
    const span = quote(noteText, n.start, n.end);
    if (checkMeasure(ctx, n, inNote, said, span)) continue;
    const sameType = n.type === 'other' ? [] : said.filter((t) => t.role === n.role &&
      (t.type === n.type || (FREQUENCY.has(n.type) && FREQUENCY.has(t.type)) || (n.type === 'count' && t.type === 'times' && countedAs(n, t))));
    const same = sameType.filter((t) => sameQuantity(n, t) && (n.type !== 'weight' || n.weighs === t.weighs));
    // "Temp 38,5" when 38,5 was said only as a limit ("feber över 38,5"), or a change written as the value.
    const asOtherRole = sameType.length === 0 && n.type !== 'other' ? said.find((t) => t.role !== n.role && t.type === n.type && sameValues(n, t)) : undefined;
    if (asOtherRole) {
      raise(ctx, {
        kind: 'number', start: n.start, end: n.end, severity: 'warning', compared: ctx.transcript[asOtherRole.sentence] ?? null,
        said: quote(ctx.transcriptText, asOtherRole.start, asOtherRole.end), reason: `the value was said as a ${asOtherRole.role}`,
        message: `Kontrollera ${label}: ${span} sades i samtalet som ${ROLE_SV[asOtherRole.role]}, inte som ${ROLE_SV[n.role]}.`,
      });
      continue;
    }
    const samePlace = atSameCircumstance(n, inNote, same.filter((t) => n.place === null || t.place === null || t.place === n.place));
    if (samePlace.some((t) => sameValues(n, t))) continue;
    const cite = (t: Quantity) => ({ compared: ctx.transcript[t.sentence] ?? null, said: quote(ctx.transcriptText, t.start, t.end) });
    if (samePlace.length > 0) {
      const t = samePlace.find((x) => sharesTopic(n, x)) ?? samePlace[0]!;
      const c = cite(t);
      raise(ctx, {
        kind: 'number', start: n.start, end: n.end, severity: 'critical', ...c,
        reason: 'another value was said for the same quantity', claim: `number:another value:${n.type}`,
        message: `${capital(label)}: anteckningen ${span}, samtalet ”${c.said}”.`,
      });
      continue;
    }
    // The same amount of the same kind was said, about words we could not link (a paraphrase): quiet.
    if (same.length === 0 && sameType.some((t) => sameValues(n, t))) continue;
    const elsewhere = same.find((t) => sameValues(n, t));
    if (elsewhere) {
      const c = cite(elsewhere);
      raise(ctx, {
        kind: 'number', start: n.start, end: n.end, severity: 'critical', ...c,
        reason: 'the value was said for a measurement taken elsewhere',
        message: `${capital(label)}: ${span} sades om mätningen ${elsewhere.place === 'home' ? 'hemma' : 'på mottagningen'}, inte ${n.place === 'home' ? 'hemma' : 'på mottagningen'}.`,
      });
      continue;
    }
    if (n.raw.every((v) => anyValue.has(v) || values.some((s) => close(s, v)))) {
      // Said, but as another specific quantity only: worth a look, not a contradiction.
      const other = said.find((t) => t.type !== n.type && SPECIFIC.has(t.type) && t.raw.length === n.raw.length && t.raw.every((v, i) => close(v, n.raw[i]!)));
      const plain = said.some((t) => !SPECIFIC.has(t.type) && t.raw.some((v) => n.raw.some((w) => close(v, w))));
      if (!other || plain || !SPECIFIC.has(n.type)) continue;
      const c = cite(other);
      raise(ctx, {
        kind: 'number', start: n.start, end: n.end, severity: 'warning', ...c,
        reason: 'the value was said for another quantity',
        message: `Kontrollera ${label}: ${span} sades i samtalet om ${LABELS[other.type]} (”${c.said}”).`,
      });
      continue;
    }
    raise(ctx, {
      kind: 'number', start: n.start, end: n.end, severity: 'warning',
      reason: 'number not said in the consultation', claim: `number:not said:${n.type}`,
      message: same.length > 0 || sameType.length > 0
        ? `Kontrollera ${label}: ${span} hittades inte i samtalet.`
        : `Kontrollera: ${span} nämns inte i samtalet.`,
    });
  }
  return checked;
}

/**
 * A value bound to a named measurement ("SR 34", "PCL-5: 33 p", "målvärde 260") is compared with
 * what was said for that measurement, in the same role (a value, a change, a cut-off) and, when the
 * note gives two values of it ("Hb 86 (102 vid inskrivning)"), at the same circumstance: another
 * value said for it contradicts the note, even when the note's value was said for something else
 * ("SR femtioåtta, CRP trettiofyra"). Returns false when the measurement was not spoken of, so the
 * generic checks run.
 */
function checkMeasure(ctx: Context, n: Placed, inNote: readonly Placed[], said: readonly Placed[], span: string): boolean {
  if (n.measure === null || SPECIFIC.has(n.type)) return false;
  // "(gräns 33)" names a cut-off, said as one ("över trettiotre talar för …", "åtta eller mer") or by name.
  const cutOff = n.measure === 'gräns';
  const about = said.filter((t) => cutOff ? t.measure === 'gräns' || (t.role === 'limit' && NAMEABLE.has(t.type)) : t.measure === n.measure && t.role === n.role);
  if (about.length === 0) return false;
  // Parts of the same whole ("av 10") may be of different things: compare the one about the same words.
  if (n.type === 'fraction') {
    const topical = about.filter((t) => sharesTopic(n, t));
    if (topical.length === 0 && about.length > 1) return false;
    if (topical.length > 0) about.splice(0, about.length, ...topical);
  }
  const atSame = atSameCircumstance(n, inNote, about);
  if (atSame.some((t) => sameValues(n, t))) return true;
  const t = atSame[0] ?? about[0]!;
  const cited = quote(ctx.transcriptText, t.start, t.end);
  const elsewhere = said.find((o) => o.measure !== null && o.measure !== n.measure && sameValues(n, o));
  const name = ctx.noteSentences[n.sentence]?.tokens.findLast((x) => x.end <= n.start && measureOfToken(x.lower) === n.measure)?.text ?? LABELS[n.type];
  raise(ctx, {
    kind: 'number', start: n.start, end: n.end, severity: 'critical', compared: ctx.transcript[t.sentence] ?? null, said: cited,
    reason: 'another value was said for the same measurement', claim: 'number:another value:measure',
    message: `${capital(name)}: anteckningen ${span}, samtalet ”${cited}”${elsewhere ? ` (${span} sades om något annat: ”${quote(ctx.transcriptText, elsewhere.start, elsewhere.end)}”)` : ''}.`,
  });
  return true;
}

const ROLE_SV: Record<Role, string> = { value: 'uppmätt värde', change: 'en förändring', limit: 'en gräns' };

type Placed = Quantity & { role: Role; when: Circumstance; weighs: Weighed };

/** `spoken`: a transcript, where what a number is about may be said in the sentence before ("Jag mäter greppstyrkan. Vänster 26 kilo"). */
function withRoles(qs: Quantity[], text: string, sentences: Context['transcript'], spoken: boolean): Placed[] {
  return qs.map((q) => {
    const s = sentences[q.sentence];
    const around = `${spoken ? sentences[q.sentence - 1]?.text ?? '' : ''} ${s?.text ?? ''}`;
    return { ...q, role: roleOf(text, q, s?.start ?? 0), when: circumstanceOf(text, q, s), weighs: weighedOf(around) };
  });
}

/**
 * "NRS 5 (7 i natt)": when the note itself tells two values of one quantity apart by their
 * circumstance, each is compared with what was said for that circumstance (if that was said).
 */
function atSameCircumstance(n: Placed, inNote: readonly Placed[], candidates: Placed[]): Placed[] {
  const contrasted = n.when !== null || inNote.some((o) => o !== n && o.sentence === n.sentence && o.type === n.type && o.when !== null);
  if (!contrasted) return candidates;
  const same = candidates.filter((t) => t.when === n.when);
  return same.length > 0 ? same : candidates;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
