/**
 * The severity policy: how loud each class of claim may be. The rules find
 * candidate flags; whether a class of them ("negation:asserted:word", a plain
 * word said negated, vs "negation:asserted:concept", a symptom of the synonym
 * lexicon) is a contradiction worth blocking the signature, a "Kontrollera",
 * or too often wrong to show at all is measured, not guessed: the policy is
 * learned on development cases (evals/validation/grounding-policy.ts) and kept
 * as data in evals/data/grounding-policy.json. It only ever lowers a
 * severity. A class not in the policy keeps the severity its rule gave.
 */
import { z } from 'zod';
import stored from '../../data/grounding-policy.json';
import type { ClaimedFlag } from './context';
import type { Flag, Severity } from './types';

export const LEVELS = ['critical', 'warning', 'silent'] as const;
export type Level = (typeof LEVELS)[number];

export const PolicySchema = z.object({
  about: z.string(),
  claims: z.record(z.string(), z.enum(LEVELS)),
});
export type Policy = z.infer<typeof PolicySchema>['claims'];

export const STORED_POLICY: Policy = PolicySchema.parse(stored).claims;

const rank = (l: Level): number => LEVELS.indexOf(l);

/** Quantities that say how much but not of what ("3 dagar", "2 gånger", "kl 10"): their identity comes from the words around them. */
const UNTYPED_QUANTITIES = new Set(['duration', 'times', 'freq:day', 'freq:week', 'count', 'clock', 'percent', 'other']);

/**
 * An untyped claim compares words, not a typed fact: the polarity of a word the synonym lexicon
 * does not know, a value of a quantity without its identity, a plan's content words. Only these
 * may be lowered by the policy: a typed contradiction (another drug, another side, another value
 * of the pulse, a symptom said to be absent, a diagnosis nobody made) stays what its rule says.
 */
export function isUntyped(claim: string): boolean {
  if (claim.endsWith(':word') || claim.startsWith('plan:')) return true;
  const quantity = /^number:[^:]+:(.+)$/.exec(claim)?.[1];
  return quantity !== undefined && UNTYPED_QUANTITIES.has(quantity);
}

/** The flag's level under the policy: its own severity, lowered when the policy says so. */
export function levelOf(flag: { severity: Severity; claim: string }, policy: Policy): Level {
  const cap = policy[flag.claim];
  return cap !== undefined && rank(cap) > rank(flag.severity) ? cap : flag.severity;
}

export function applyPolicy(flags: readonly ClaimedFlag[], policy: Policy): ClaimedFlag[] {
  const out: ClaimedFlag[] = [];
  for (const f of flags) {
    const level = levelOf(f, policy);
    if (level !== 'silent') out.push(level === f.severity ? f : { ...f, severity: level });
  }
  return out;
}

/** The public flag, without the claim class (an internal of the policy). */
export function publicFlag({ claim: _claim, ...flag }: ClaimedFlag): Flag {
  return flag;
}
