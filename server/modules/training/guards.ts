import { groupRow, roundGuard } from '../codesign/guards';
import { loadTrainingCase } from './cases';
import { isParticipant, loadRound } from './rounds';

/** Training rows are a working group's, like co-design rows (see codesign/guards.ts); a round also names its participants. */
export const trainingCaseOf = groupRow('trainingCase', loadTrainingCase, (c) => c.groupId);
export const trainingRoundOf = roundGuard('trainingRound', loadRound, isParticipant, 'Du deltar inte i den här övningsomgången.');
