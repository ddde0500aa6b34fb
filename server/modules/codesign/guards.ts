import type { AppDeps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import type { Guard, GuardKind, GuardRule, SessionUser } from '../../http/route';
import { isGroupMember, loadGroup, requireInGroup, type GroupRule } from './workflows/access';
import { loadWorkflow } from './workflows/service';
import { findRun } from './evalruns/service';
import { isRater, loadRound } from './ratings/service';

/**
 * Guards for co-design rows, declared in the route table (`guard:
 * workflowOf('designer')`). Every row belongs to a working group: `member`
 * lets the group's designers and any lead or admin through, `designer` only
 * the group's designers. The row is loaded first, so a missing id is 404 for
 * everybody and 403 always means "another group's".
 */
/** A guard factory for one kind of group row: how to load it (404 when missing) and which group it is in. */
export function groupRow<R>(kind: GuardKind, load: (deps: AppDeps, id: string) => Promise<R>, groupOf: (row: R) => string | null) {
  return (rule: GroupRule, param = 'id'): Guard<R> => ({
    kind,
    rule,
    param,
    load: async (ctx, id) => {
      const row = await load(ctx.deps, id);
      requireInGroup(ctx.user, groupOf(row), rule);
      return row;
    },
  });
}

export async function loadTestCase(deps: AppDeps, id: string) {
  const row = await deps.db.prisma.testCase.findUnique({ where: { id } });
  if (!row) throw notFound('Testfallet');
  return row;
}

export const groupOf = groupRow('group', loadGroup, (g) => g.id);
export const workflowOf = groupRow('workflow', loadWorkflow, (w) => w.groupId);
export const testCaseOf = groupRow('testCase', loadTestCase, (c) => c.groupId);
export const evalRunOf = groupRow('evalRun', findRun, (r) => r.workflowVersion.workflow.groupId);

/**
 * Rounds (rating, training) name people besides the group: raters or
 * participants. `member` is the group as above; the named rule (`rater`,
 * `participant`) only those named; `memberOrRater`/`memberOrParticipant`
 * either; `results` members, and the named once the round is closed
 * (blinding holds until then).
 */
export function roundGuard<R extends { groupId: string; status: string }>(
  kind: GuardKind,
  load: (deps: AppDeps, id: string) => Promise<R>,
  named: (user: SessionUser, round: R) => boolean,
  notNamed: string,
) {
  return (rule: Extract<GuardRule, 'member' | 'rater' | 'participant' | 'memberOrRater' | 'memberOrParticipant' | 'results'>, param = 'id'): Guard<R> => ({
    kind,
    rule,
    param,
    load: async (ctx, id) => {
      const round = await load(ctx.deps, id);
      const member = isGroupMember(ctx.user, round.groupId);
      const isNamed = named(ctx.user, round);
      if (rule === 'rater' || rule === 'participant') {
        if (!isNamed) throw forbidden(notNamed);
      } else if (rule === 'results') {
        if (!member && isNamed && round.status !== 'closed') throw forbidden('Resultaten visas för bedömare när omgången är stängd.');
        if (!member && !isNamed) throw forbidden('Omgången tillhör en annan arbetsgrupp.');
      } else if (!member && !(rule !== 'member' && isNamed)) {
        throw forbidden('Omgången tillhör en annan arbetsgrupp.');
      }
      return round;
    },
  });
}

export const ratingRoundOf = roundGuard(
  'ratingRound',
  loadRound,
  isRater,
  'Du är inte bedömare i den här omgången, som tillhör en annan arbetsgrupp eller andra bedömare.',
);
