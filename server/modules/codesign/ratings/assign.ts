import crypto from 'node:crypto';
import { seededRandom } from '../../../../evals/metrics/bootstrap';
import type { RoundConfig } from './items';

/**
 * A rater's blind queue: the round's cases in an order seeded by (round
 * seed, rater), each pair with its own random A/B side, so order and side
 * cannot be learned from another rater's screen. Recomputed on every call
 * from the stored seed: nothing about the assignment lives in memory.
 */
export interface QueueSlot {
  pairKey: string;
  position: number;
  caseId: string;
  /** index into config.versionIds shown as A */
  aIndex: 0 | 1;
}

const seedFor = (seed: number, raterId: string) => crypto.createHash('sha256').update(`${seed}:${raterId}`).digest().readUInt32BE(0);

export const pairKeyOf = (roundId: string, raterId: string, caseId: string) =>
  crypto.createHash('sha256').update(`${roundId}:${raterId}:${caseId}`).digest('hex').slice(0, 16);

export function raterQueue(roundId: string, config: RoundConfig, raterId: string): QueueSlot[] {
  const random = seededRandom(seedFor(config.seed, raterId));
  const order = [...config.caseIds];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.map((caseId, position) => ({ pairKey: pairKeyOf(roundId, raterId, caseId), position, caseId, aIndex: random() < 0.5 ? 0 : 1 }));
}
