import { krippendorffAlpha, krippendorffAlphaCi } from '../../../../evals/metrics/agreement';
import { bootstrapCi } from '../../../../evals/metrics/bootstrap';
import { mean } from '../evalruns/summary';
import { formItems, pdqiMean, type ItemKey, type ItemScores, type RoundConfig } from './items';

/**
 * A round's results per version: mean per item with a bootstrap CI over
 * ratings, the mean PDQI-9 score (over the PDQI-9 items the round's form
 * asks), preference shares, Krippendorff's α per item (ordinal; units are
 * case × version, raters are the round's raters) and pooled over the form's
 * items, α for the preference (nominal; units are cases), and the cases
 * where raters disagreed most with what they disagreed on. A short form
 * simply has fewer items: α is computed over the items that were asked, so
 * nothing is missing by design.
 */
export interface RatingRow {
  raterId: string;
  caseId: string;
  versionAId: string;
  versionBId: string;
  scores: { a: ItemScores; b: ItemScores };
  preference: 'A' | 'B' | 'equal';
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const SEED = 11;

function ci(values: number[]) {
  const r = bootstrapCi(values, (s) => mean(s) ?? Number.NaN, { iterations: 2000, seed: SEED });
  return { mean: mean(values), lower: finite(r.lower), upper: finite(r.upper), n: values.length };
}

/** Scores a rating gave to one version, whichever side it was shown on. */
function scoresFor(r: RatingRow, versionId: string): ItemScores | null {
  if (r.versionAId === versionId) return r.scores.a;
  if (r.versionBId === versionId) return r.scores.b;
  return null;
}

function preferred(r: RatingRow): string | null {
  return r.preference === 'A' ? r.versionAId : r.preference === 'B' ? r.versionBId : null;
}

const numbers = (xs: readonly (number | null | undefined)[]) => xs.filter((x): x is number => typeof x === 'number');

/**
 * How often raters differed, as counts: units rated by two or more, and of
 * those the units where not all gave the same value. α says little when
 * nearly every score is the same (it can be 0 with one dissent in 16), so
 * the results say in words how often raters actually disagreed.
 */
function splits(units: readonly (readonly (number | null)[])[]) {
  const rated = units.map(numbers).filter((u) => u.length >= 2);
  return { units: rated.length, split: rated.filter((u) => new Set(u).size > 1).length };
}

/** What raters disagreed on in one case: who preferred which version, and the item whose scores lay furthest apart. */
function disagreement(config: RoundConfig, caseId: string, ratings: readonly RatingRow[], keys: readonly ItemKey[]) {
  const byRater = ratings.filter((r) => r.caseId === caseId);
  const preferences = config.versionIds.map((v) => byRater.filter((r) => preferred(r) === v).length) as [number, number];
  const equal = byRater.filter((r) => r.preference === 'equal').length;
  let widest: { item: ItemKey; versionId: string; min: number; max: number } | null = null;
  for (const item of keys) {
    for (const versionId of config.versionIds) {
      const given = numbers(byRater.map((r) => scoresFor(r, versionId)?.[item]));
      if (given.length < 2) continue;
      const [min, max] = [Math.min(...given), Math.max(...given)];
      if (max > min && (widest === null || max - min > widest.max - widest.min)) widest = { item, versionId, min, max };
    }
  }
  const differences = numbers(byRater.map((r) => {
    const [x, y] = config.versionIds.map((v) => pdqiMean(scoresFor(r, v) ?? {}));
    return x === null || x === undefined || y === null || y === undefined ? null : x - y;
  }));
  return {
    caseId,
    raters: byRater.length,
    /** range over raters of (mean score of the first version − the second's) */
    spread: differences.length < 2 ? 0 : Math.max(...differences) - Math.min(...differences),
    preferencesDisagree: [...preferences, equal].filter((n) => n > 0).length > 1,
    /** how many raters preferred each version (config order), and how many found them equal */
    preferences,
    equal,
    widest,
  };
}

export function roundResults(config: RoundConfig, ratings: readonly RatingRow[]) {
  const items = formItems(config.form);
  const keys = items.map((i) => i.key);
  const versions = config.versionIds.map((versionId) => {
    const given = ratings.map((r) => scoresFor(r, versionId)).filter((s): s is ItemScores => s !== null);
    return {
      versionId,
      ratings: given.length,
      items: Object.fromEntries(keys.map((k) => [k, ci(numbers(given.map((s) => s[k])))])) as Record<ItemKey, ReturnType<typeof ci>>,
      pdqi: ci(numbers(given.map(pdqiMean))),
      preferenceShare: ratings.length === 0 ? null : ratings.filter((r) => preferred(r) === versionId).length / ratings.length,
    };
  });
  const equalShare = ratings.length === 0 ? null : ratings.filter((r) => r.preference === 'equal').length / ratings.length;

  const rating = (caseId: string, raterId: string) => ratings.find((x) => x.caseId === caseId && x.raterId === raterId);
  const unitsFor = (item: ItemKey) =>
    config.caseIds.flatMap((caseId) => config.versionIds.map((versionId) => config.raterIds.map((raterId) => {
      const r = rating(caseId, raterId);
      return r ? (scoresFor(r, versionId)?.[item] ?? null) : null;
    })));
  const alphaPerItem = Object.fromEntries(keys.map((k) => [k, finite(krippendorffAlpha(unitsFor(k), 'ordinal'))])) as Partial<Record<ItemKey, number | null>>;
  const pooled = keys.flatMap(unitsFor);
  const alphaOverall = finite(krippendorffAlpha(pooled, 'ordinal'));
  const alphaCi = krippendorffAlphaCi(pooled, 'ordinal', { iterations: 500, seed: SEED });
  // The preference as a category per case: the first version, the second, or equal.
  const preferenceUnits = config.caseIds.map((caseId) => config.raterIds.map((raterId) => {
    const r = rating(caseId, raterId);
    if (!r) return null;
    const p = preferred(r);
    return p === null ? 2 : config.versionIds.indexOf(p);
  }));
  const disagreements = {
    perItem: Object.fromEntries(keys.map((k) => [k, splits(unitsFor(k))])) as Partial<Record<ItemKey, ReturnType<typeof splits>>>,
    preference: splits(preferenceUnits),
  };

  const splitCases = config.caseIds
    .map((caseId) => disagreement(config, caseId, ratings, keys))
    .filter((c) => c.raters >= 2 && (c.widest !== null || c.preferencesDisagree))
    .sort((a, b) => Number(b.preferencesDisagree) - Number(a.preferencesDisagree) || (b.widest ? b.widest.max - b.widest.min : 0) - (a.widest ? a.widest.max - a.widest.min : 0) || b.spread - a.spread)
    .slice(0, 10);

  return {
    form: config.form,
    items,
    raters: new Set(ratings.map((r) => r.raterId)).size,
    ratings: ratings.length,
    versions,
    equalShare,
    alpha: {
      perItem: alphaPerItem,
      overall: alphaOverall,
      lower: finite(alphaCi.lower),
      upper: finite(alphaCi.upper),
      units: pooled.length,
      preference: finite(krippendorffAlpha(preferenceUnits, 'nominal')),
    },
    disagreements,
    splitCases,
  };
}
export type RoundResults = ReturnType<typeof roundResults>;
