/** Parts of a whole as one typed claim (see joinFractions). */
import type { QuantityType } from './quantity-words';

interface Valued { type: QuantityType; values: number[]; raw: number[]; start: number; end: number; sentence: number; measure: string | null }

/** "sju av tio", "fem dagar av sju", "fyra nätter av de senaste trettio", "3 av 7 dagar": between a count and its whole only a noun and "av". */
const OUT_OF = /^\s*(?:\p{L}+\s+)?av\s+(?:de\s+)?(?:senaste\s+|sista\s+)?$/iu;

/**
 * "nio av tio rätt", "Dag 5 av 10": a part of a whole is one claim, identified by its whole (a
 * typed claim: "nio av tio" contradicts "sju av tio", not "nio dagar"). The whole is dropped as a
 * value of its own.
 */
export function joinFractions<Q extends Valued>(qs: Q[], text: string): Q[] {
  const out: Q[] = [];
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const whole = qs[i + 1];
    if (whole && whole.sentence === q.sentence && q.values.length === 1 && whole.raw.length === 1 && OUT_OF.test(text.slice(q.end, whole.start))) {
      out.push({ ...q, type: 'fraction', values: [q.raw[0]!], raw: [q.raw[0]!], end: whole.end, measure: `av:${whole.raw[0]}` });
      i++;
      continue;
    }
    // "Berg 38/56", "2/3 punkter": a part written over its whole.
    if (q.type === 'other' && q.raw.length === 2 && q.raw[0]! <= q.raw[1]! && /\//.test(text.slice(q.start, q.end))) {
      out.push({ ...q, type: 'fraction', values: [q.raw[0]!], raw: [q.raw[0]!], measure: `av:${q.raw[1]}` });
      continue;
    }
    out.push(q);
  }
  return out;
}
