import { z } from 'zod';

/**
 * PDQI-9 (Stetson 2012), nine items rated 1–5, plus the item AI-note studies
 * add: free from invented content. Keys are stable (stored in Rating.scores).
 */
export const PDQI_ITEMS = [
  { key: 'upToDate', label: 'Aktuell' },
  { key: 'accurate', label: 'Korrekt' },
  { key: 'thorough', label: 'Fullständig' },
  { key: 'useful', label: 'Användbar' },
  { key: 'organized', label: 'Välorganiserad' },
  { key: 'comprehensible', label: 'Begriplig' },
  { key: 'succinct', label: 'Koncis' },
  { key: 'synthesized', label: 'Sammanfattande' },
  { key: 'consistent', label: 'Internt konsekvent' },
] as const;
export const EXTRA_ITEMS = [{ key: 'freeFromInvented', label: 'Fri från påhittat innehåll' }] as const;
export const RATING_ITEMS = [...PDQI_ITEMS, ...EXTRA_ITEMS];
export type ItemKey = (typeof RATING_ITEMS)[number]['key'];
export const PDQI_KEYS: readonly ItemKey[] = PDQI_ITEMS.map((i) => i.key);
export const ITEM_KEYS: readonly ItemKey[] = RATING_ITEMS.map((i) => i.key);

const Score = z.number().int().min(1).max(5);
export const ItemScoresSchema = z.object(Object.fromEntries(ITEM_KEYS.map((k) => [k, Score])) as Record<ItemKey, typeof Score>);
export type ItemScores = z.infer<typeof ItemScoresSchema>;

export const RatingBodySchema = z.object({
  pairKey: z.string().min(1).max(40),
  scores: z.object({ a: ItemScoresSchema, b: ItemScoresSchema }),
  preference: z.enum(['A', 'B', 'equal']),
  comment: z.string().trim().max(2000).optional(),
});

export const RoundConfigSchema = z.object({
  versionIds: z.tuple([z.string(), z.string()]),
  runIds: z.tuple([z.string(), z.string()]),
  caseIds: z.array(z.string()).min(1),
  raterIds: z.array(z.string()).min(1),
  seed: z.number().int(),
});
export type RoundConfig = z.infer<typeof RoundConfigSchema>;

export const pdqiMean = (scores: ItemScores) => PDQI_KEYS.reduce((sum, k) => sum + scores[k], 0) / PDQI_KEYS.length;
