import type { AppDeps } from '../../../deps';
import { forbidden, notFound } from '../../../errors';
import type { SessionUser } from '../../../http/route';

/**
 * Who may change what in the co-design studio. Everyone reads workflows;
 * only designers who are members of a workflow's working group change it,
 * its test cases, runs and rating rounds. Leads oversee every group.
 * Existence is checked before membership, so a missing id is a 404 for
 * everybody and a 403 always means "another group's".
 */
export function isGroupDesigner(user: SessionUser, groupId: string | null): boolean {
  return groupId !== null && user.roles.includes('designer') && user.groupIds.includes(groupId);
}

export function isLead(user: SessionUser): boolean {
  return user.roles.includes('lead') || user.roles.includes('admin');
}

/** A group's designers, or any lead or admin. */
export const isGroupMember = (user: SessionUser, groupId: string | null) => isLead(user) || isGroupDesigner(user, groupId);

/** Who a group's row is open to: `member` reads it (results, runs), `designer` changes it. */
export type GroupRule = 'member' | 'designer';
const REFUSED: Record<GroupRule, string> = {
  member: 'Det här tillhör en annan arbetsgrupp.',
  designer: 'Det här tillhör en annan arbetsgrupp: bara gruppens designers får ändra det.',
};

/** 403 with the rule's Swedish reason unless the user may do this to the group's rows; the one check the route guards and handlers share. */
export function requireInGroup(user: SessionUser, groupId: string | null, rule: GroupRule): void {
  const allowed = rule === 'designer' ? isGroupDesigner(user, groupId) : isGroupMember(user, groupId);
  if (!allowed) throw forbidden(REFUSED[rule]);
}

export async function loadGroup(deps: AppDeps, id: string) {
  const group = await deps.db.prisma.workingGroup.findUnique({ where: { id }, include: { profession: true } });
  if (!group) throw notFound('Arbetsgruppen');
  return group;
}
