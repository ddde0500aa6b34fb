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

export function requireGroupDesigner(user: SessionUser, groupId: string | null): void {
  if (!isGroupDesigner(user, groupId)) throw forbidden('Det här tillhör en annan arbetsgrupp: bara gruppens designers får ändra det.');
}

/** Designers of the group, or a lead, may see the group's results. */
export function requireGroupReader(user: SessionUser, groupId: string | null): void {
  if (!isLead(user) && !isGroupDesigner(user, groupId)) throw forbidden('Det här tillhör en annan arbetsgrupp.');
}

export async function loadGroup(deps: AppDeps, id: string) {
  const group = await deps.db.prisma.workingGroup.findUnique({ where: { id }, include: { profession: true } });
  if (!group) throw notFound('Arbetsgruppen');
  return group;
}
