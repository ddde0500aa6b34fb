import { num, pct } from './format';
import type { Results } from '../../../../server/contracts/api/ratings';

/**
 * A rating round's results said in plain Swedish: which version raters
 * preferred, its scores, whether raters agreed well enough to trust them
 * (Krippendorff's rule of thumb: α ≥ 0,80 good, ≥ 0,67 for tentative
 * conclusions, below that the scores say little), on which items they
 * disagreed how often, and per split case what the disagreement was.
 */
type Name = (versionId: string) => string;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} och ${xs.at(-1)}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function preferenceSentence(data: Results, name: Name): string {
  if (data.ratings === 0) return 'Inga bedömningar ännu.';
  const shares = data.versions.map((v) => ({ name: name(v.versionId), n: Math.round((v.preferenceShare ?? 0) * data.ratings) })).sort((a, b) => b.n - a.n);
  const equal = Math.round((data.equalShare ?? 0) * data.ratings);
  const [first, second] = shares;
  const head = first!.n === second!.n ? `${capital(first!.name)} och ${second!.name} föredrogs lika ofta (${count(first!.n, 'bedömning', 'bedömningar')} var)` : `${capital(first!.name)} föredrogs i ${first!.n} av ${data.ratings} bedömningar (${pct(first!.n / data.ratings)}), ${second!.name} i ${second!.n}`;
  return `${head}${equal > 0 ? `; ${equal} bedömde dem lika bra` : ''}.`;
}

export function scoreSentence(data: Results, name: Name): string | null {
  const scored = data.versions.filter((v) => v.pdqi.mean !== null);
  if (scored.length === 0) return null;
  const what = data.round.form.kind === 'short' ? 'de PDQI-9-frågor som den korta formen hade med' : 'de nio PDQI-9-frågorna';
  return `Medelbetyget över ${what} var ${list(scored.map((v) => `${num(v.pdqi.mean)} för ${name(v.versionId)}`))} (1 = inte alls, 5 = i högsta grad).`;
}

const GOOD = 0.8;
const ENOUGH = 0.667;

export function agreementSentence(data: Results): string {
  const a = data.alpha.overall;
  if (a === null) return 'Samstämmigheten går inte att beräkna ännu: det behövs minst två bedömare per testfall och någon variation i betygen.';
  const value = `α\u00a0=\u00a0${num(a)}`;
  if (a >= GOOD) return `Bedömarna var samstämmiga (${value}, god från 0,80): betygen går att lita på.`;
  if (a >= ENOUGH) return `Bedömarna var tillräckligt samstämmiga för försiktiga slutsatser (${value}; gränsen är 0,67, god från 0,80).`;
  return `Bedömarna var inte samstämmiga (${value}, under gränsen 0,67): medelbetygen säger lite. Gå igenom frågorna och testfallen nedan tillsammans innan ni drar slutsatser.`;
}

/** The items raters differed on most often, counted (α is near 0 when nearly all scores are equal, so counts say it better). */
export function disagreedItemsSentence(data: Results): string | null {
  const counted = data.items
    .map((i) => ({ label: i.label.toLowerCase(), ...(data.disagreements.perItem[i.key] ?? { units: 0, split: 0 }) }))
    .filter((i) => i.units > 0);
  if (counted.length === 0) return null;
  const split = counted.filter((i) => i.split > 0).sort((x, y) => y.split / y.units - x.split / x.units).slice(0, 3);
  if (split.length === 0) return 'De gav samma betyg på varje fråga.';
  return `Oftast oeniga om ${list(split.map((i) => `${i.label} (${i.split} av ${i.units} anteckningar)`))}.`;
}

export function preferenceAgreementSentence(data: Results): string | null {
  const { units, split } = data.disagreements.preference;
  if (units === 0) return null;
  // "i alla 1 testfallen" reads wrong: one case is "det enda testfallet".
  const all = units === 1 ? 'i det enda testfallet' : `i alla ${units} testfallen`;
  return split === 0 ? `Om vilken anteckning som var bäst var alla överens ${all}.` : `Om vilken anteckning som var bäst var alla överens i ${units - split} av ${units} testfall.`;
}

/** One split case in words: "2 föredrog version 2, 1 version 1. Störst skillnad: koncis för version 1, betyg från 2 till 5." */
export function splitCaseSentence(c: Results['splitCases'][number], data: Results, name: Name): string {
  const [v0, v1] = data.versions.map((v) => v.versionId);
  const parts = [
    { n: c.preferences[0], what: name(v0!) },
    { n: c.preferences[1], what: name(v1!) },
    { n: c.equal, what: 'lika bra' },
  ].filter((p) => p.n > 0);
  const preference = parts.length === 1 ? (parts[0]!.what === 'lika bra' ? 'Alla bedömde dem lika bra.' : `Alla föredrog ${parts[0]!.what}.`) : `${list(parts.map((p) => (p.what === 'lika bra' ? `${p.n} tyckte lika bra` : `${p.n} föredrog ${p.what}`)))}.`;
  const item = c.widest ? data.items.find((i) => i.key === c.widest!.item)?.label.toLowerCase() : null;
  const widest = c.widest && item ? ` Störst skillnad i betyg: ${item} för ${name(c.widest.versionId)}, från ${c.widest.min} till ${c.widest.max}.` : '';
  return `${preference}${widest}`;
}
