import { z } from 'zod';

import { RATING_ITEMS, PDQI_ITEMS, type ItemKey } from '../../../contracts/pdqi';

export { RATING_ITEMS, PDQI_ITEMS, type ItemKey };
export const PDQI_KEYS: readonly ItemKey[] = PDQI_ITEMS.map((i) => i.key);
export const ITEM_KEYS: readonly ItemKey[] = RATING_ITEMS.map((i) => i.key);
const ItemKeySchema = z.enum(ITEM_KEYS as [ItemKey, ...ItemKey[]]);

const Score = z.number().int().min(1).max(5);
/** The items a rating covers: all of the round's form, no others (checked against the round in `checkScores`). */
export const ItemScoresSchema = z.partialRecord(ItemKeySchema, Score);
export type ItemScores = Partial<Record<ItemKey, number>>;

export const RatingBodySchema = z.object({
  pairKey: z.string().min(1).max(40),
  scores: z.object({ a: ItemScoresSchema, b: ItemScoresSchema }),
  preference: z.enum(['A', 'B', 'equal']),
  comment: z.string().trim().max(2000).optional(),
});

/** The full form (every item) or a short one: the preference plus three items the round's creator chose. */
export const SHORT_FORM_ITEMS = 3;
export const RoundFormSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }),
  z.object({
    kind: z.literal('short'),
    items: z
      .array(ItemKeySchema)
      .length(SHORT_FORM_ITEMS, `Välj exakt ${SHORT_FORM_ITEMS} frågor till den korta formen.`)
      .refine((items) => new Set(items).size === items.length, 'Välj tre olika frågor.'),
  }),
]);
export type RoundForm = z.infer<typeof RoundFormSchema>;

export const RoundConfigSchema = z.object({
  versionIds: z.tuple([z.string(), z.string()]),
  runIds: z.tuple([z.string(), z.string()]),
  caseIds: z.array(z.string()).min(1),
  raterIds: z.array(z.string()).min(1),
  seed: z.number().int(),
  /** Rounds from before the short form existed used every item. */
  form: RoundFormSchema.default({ kind: 'full' }),
});
export type RoundConfig = z.infer<typeof RoundConfigSchema>;

/** The items a round asks about, in the instrument's order. */
export function formItems(form: RoundForm) {
  return form.kind === 'full' ? RATING_ITEMS : RATING_ITEMS.filter((i) => form.items.includes(i.key));
}

/** The keys a rating must carry for each side, or the first missing or extra one. */
export function checkScores(form: RoundForm, scores: ItemScores): { ok: true } | { ok: false; key: string; missing: boolean } {
  const wanted = formItems(form).map((i) => i.key);
  const missing = wanted.find((k) => scores[k] === undefined);
  if (missing) return { ok: false, key: missing, missing: true };
  const extra = Object.keys(scores).find((k) => !wanted.includes(k as ItemKey));
  return extra ? { ok: false, key: extra, missing: false } : { ok: true };
}

/** The mean over the PDQI-9 items the rating has (all nine, or those of a short form); null when it has none. */
export function pdqiMean(scores: ItemScores): number | null {
  const given = PDQI_KEYS.map((k) => scores[k]).filter((s): s is number => s !== undefined);
  return given.length === 0 ? null : given.reduce((sum, s) => sum + s, 0) / given.length;
}
