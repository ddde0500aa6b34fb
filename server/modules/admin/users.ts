import { z } from 'zod';
import { OptionalHsaIdSchema } from '../../contracts/hsa-id';
import { RoleSchema } from '../../contracts/roles';
import type { Prisma } from '../../db/generated/sqlite/client';
import { badRequest, conflict, notFound } from '../../errors';
import { created, route, type RouteDef } from '../../http/route';
import { hashPassword, oneTimePassword } from '../auth/passwords';
import { revokeAllSessions } from '../auth/sessions';
import { AdminUserCreatedSchema, AdminUserEnvelopeSchema, AdminUserListSchema, OneTimePasswordSchema } from '../../contracts/api/admin';

const Id = z.object({ id: z.string().min(1).max(40) });
const UserBody = z.object({
  username: z.string().trim().regex(/^[a-z0-9._-]{2,40}$/i, 'Endast bokstäver a–z, siffror och . _ -'),
  displayName: z.string().trim().min(1).max(100),
  roles: z.array(RoleSchema).min(1).max(4),
  professionId: z.string().max(40).nullable().optional(),
  careUnitId: z.string().max(40).nullable().optional(),
  hsaId: OptionalHsaIdSchema,
  groupIds: z.array(z.string().max(40)).max(50).optional(),
});
const UserPatch = UserBody.omit({ username: true }).partial().extend({ active: z.boolean().optional() });

const userInclude = { roles: true, profession: true, careUnit: true, groups: { include: { group: true } } } as const;

type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    sso: !!u.oidcSubject,
    roles: u.roles.map((r) => r.role),
    profession: u.profession ? { id: u.profession.id, name: u.profession.name } : null,
    careUnit: u.careUnit ? { id: u.careUnit.id, name: u.careUnit.name } : null,
    hsaId: u.hsaId,
    groups: u.groups.map((g) => ({ id: g.group.id, name: g.group.name })),
    createdAt: u.createdAt,
  };
}

export const userAdminRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/admin/users',
    response: AdminUserListSchema,
    access: ['admin'],
    summary: 'Lista användare',
    handler: async ({ deps }) => {
      const rows = await deps.db.prisma.user.findMany({ include: userInclude, orderBy: { username: 'asc' } });
      return { users: rows.map((u) => presentUser(u)) };
    },
  }),
  route({
    method: 'post',
    path: '/admin/users',
    response: AdminUserCreatedSchema,
    access: ['admin'],
    summary: 'Skapa användare (engångslösenord visas en gång)',
    body: UserBody,
    handler: async ({ deps, body }) => {
      if (await deps.db.prisma.user.findUnique({ where: { username: body.username } })) {
        throw conflict('Användarnamnet är redan taget.', 'username_taken');
      }
      const password = oneTimePassword();
      const user = await deps.db.prisma.user.create({
        data: {
          username: body.username,
          displayName: body.displayName,
          passwordHash: await hashPassword(password, deps.env.SCRYPT_LOG_N),
          mustChangePassword: true,
          professionId: body.professionId ?? null,
          careUnitId: body.careUnitId ?? null,
          hsaId: body.hsaId ?? null,
          roles: { create: body.roles.map((role) => ({ role })) },
          groups: { create: (body.groupIds ?? []).map((groupId) => ({ groupId })) },
        },
        include: userInclude,
      });
      return created({ user: presentUser(user), oneTimePassword: password }, `/api/v1/admin/users/${user.id}`);
    },
  }),
  route({
    method: 'patch',
    path: '/admin/users/:id',
    response: AdminUserEnvelopeSchema,
    access: ['admin'],
    summary: 'Ändra användare (roller, yrkesgrupp, arbetsgrupper, aktiv)',
    params: Id,
    body: UserPatch,
    handler: async ({ deps, params, body, user }) => {
      const existing = await deps.db.prisma.user.findUnique({ where: { id: params.id } });
      if (!existing) throw notFound('Användaren');
      if (params.id === user.id && ((body.roles && !body.roles.includes('admin')) || body.active === false)) {
        throw badRequest('Du kan inte ta bort din egen administratörsroll eller inaktivera dig själv.', [{ field: 'body.roles', message: 'Självutlåsning' }]);
      }
      const updated = await deps.db.prisma.$transaction(async (tx) => {
        if (body.roles) {
          await tx.userRole.deleteMany({ where: { userId: params.id } });
          await tx.userRole.createMany({ data: body.roles.map((role) => ({ userId: params.id, role })) });
        }
        if (body.groupIds) {
          await tx.groupMember.deleteMany({ where: { userId: params.id } });
          await tx.groupMember.createMany({ data: body.groupIds.map((groupId) => ({ userId: params.id, groupId })) });
        }
        return tx.user.update({
          where: { id: params.id },
          data: {
            displayName: body.displayName,
            professionId: body.professionId,
            careUnitId: body.careUnitId,
            hsaId: body.hsaId,
            active: body.active,
          },
          include: userInclude,
        });
      });
      if (body.active === false) await revokeAllSessions(deps, params.id);
      // Roles, groups, unit and name are read from the session copies: every web process drops this user's.
      else await deps.sessions.invalidate({ userId: params.id });
      return { user: presentUser(updated) };
    },
  }),
  route({
    method: 'post',
    path: '/admin/users/:id/reset-password',
    response: OneTimePasswordSchema,
    access: ['admin'],
    summary: 'Nytt engångslösenord',
    params: Id,
    handler: async ({ deps, params }) => {
      const existing = await deps.db.prisma.user.findUnique({ where: { id: params.id } });
      if (!existing) throw notFound('Användaren');
      const password = oneTimePassword();
      await deps.db.prisma.user.update({
        where: { id: params.id },
        data: { passwordHash: await hashPassword(password, deps.env.SCRYPT_LOG_N), mustChangePassword: true },
      });
      await revokeAllSessions(deps, params.id);
      return { oneTimePassword: password };
    },
  }),
];
