import { krippendorffAlpha, krippendorffAlphaCi } from '../../../evals/metrics/agreement';
import { bootstrapCi } from '../../../evals/metrics/bootstrap';
import { mean } from '../evalruns/summary';
import { ITEM_KEYS, pdqiMean, RATING_ITEMS, type ItemKey, type ItemScores, type RoundConfig } from './items';

/**
 * A round's results per version: mean per item with a bootstrap CI over
 * ratings, the mean PDQI-9 score, preference shares, Krippendorff's α per
 * item (ordinal; units are case × version, raters are the round's raters)
 * and pooled over all items, and the cases where raters disagreed most.
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

export function roundResults(config: RoundConfig, ratings: readonly RatingRow[]) {
  const versions = config.versionIds.map((versionId) => {
    const given = ratings.map((r) => scoresFor(r, versionId)).filter((s): s is ItemScores => s !== null);
    return {
      versionId,
      ratings: given.length,
      items: Object.fromEntries(ITEM_KEYS.map((k) => [k, ci(given.map((s) => s[k]))])) as Record<ItemKey, ReturnType<typeof ci>>,
      pdqi: ci(given.map(pdqiMean)),
      preferenceShare: ratings.length === 0 ? null : ratings.filter((r) => preferred(r) === versionId).length / ratings.length,
    };
  });
  const equalShare = ratings.length === 0 ? null : ratings.filter((r) => r.preference === 'equal').length / ratings.length;

  const cell = (caseId: string, versionId: string, raterId: string, item: ItemKey) => {
    const r = ratings.find((x) => x.caseId === caseId && x.raterId === raterId);
    return r ? (scoresFor(r, versionId)?.[item] ?? null) : null;
  };
  const unitsFor = (item: ItemKey) =>
    config.caseIds.flatMap((caseId) => config.versionIds.map((versionId) => config.raterIds.map((raterId) => cell(caseId, versionId, raterId, item))));
  const alphaPerItem = Object.fromEntries(ITEM_KEYS.map((k) => [k, finite(krippendorffAlpha(unitsFor(k), 'ordinal'))])) as Record<ItemKey, number | null>;
  const pooled = ITEM_KEYS.flatMap(unitsFor);
  const alphaOverall = finite(krippendorffAlpha(pooled, 'ordinal'));
  const alphaCi = krippendorffAlphaCi(pooled, 'ordinal', { iterations: 500, seed: SEED });

  const [v0, v1] = config.versionIds;
  const splitCases = config.caseIds
    .map((caseId) => {
      const byRater = ratings.filter((r) => r.caseId === caseId);
      const differences = byRater.map((r) => pdqiMean(scoresFor(r, v0)!) - pdqiMean(scoresFor(r, v1)!));
      const preferences = byRater.map((r) => (preferred(r) === v0 ? 0 : preferred(r) === v1 ? 1 : 'equal'));
      return {
        caseId,
        raters: byRater.length,
        spread: differences.length < 2 ? 0 : Math.max(...differences) - Math.min(...differences),
        preferencesDisagree: new Set(preferences).size > 1,
      };
    })
    .filter((c) => c.raters >= 2 && (c.spread > 0 || c.preferencesDisagree))
    .sort((a, b) => b.spread - a.spread)
    .slice(0, 10);

  return {
    items: RATING_ITEMS,
    raters: new Set(ratings.map((r) => r.raterId)).size,
    ratings: ratings.length,
    versions,
    equalShare,
    alpha: { perItem: alphaPerItem, overall: alphaOverall, lower: finite(alphaCi.lower), upper: finite(alphaCi.upper), units: pooled.length },
    splitCases,
  };
}
export type RoundResults = ReturnType<typeof roundResults>;
