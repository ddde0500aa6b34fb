import type { AppDeps } from '../../deps';
import type { SessionUser } from '../../http/route';

/** What the client knows about the signed-in user (no secrets, no patient data). */
export async function describeMe(deps: AppDeps, user: SessionUser) {
  const row = await deps.db.prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    include: { profession: true, careUnit: true, groups: { include: { group: true } } },
  });
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: user.roles,
    mustChangePassword: row.mustChangePassword,
    profession: row.profession ? { id: row.profession.id, code: row.profession.code, name: row.profession.name } : null,
    careUnit: row.careUnit ? { id: row.careUnit.id, code: row.careUnit.code, name: row.careUnit.name } : null,
    groups: row.groups.map((g) => ({ id: g.group.id, name: g.group.name })),
  };
}
