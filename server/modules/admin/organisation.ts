import { z } from 'zod';
import { conflict, notFound } from '../../errors';
import { created, noContent, route, type RouteDef } from '../../http/route';
import { createApiKey } from './api-keys';
import { ApiKeyCreatedSchema, ApiKeyListSchema } from '../../contracts/api/admin';
import { NoContentSchema } from '../../contracts/api/common';
import { CareUnitEnvelopeSchema, CareUnitListSchema, GroupCreatedSchema, GroupListSchema, ProfessionEnvelopeSchema, ProfessionListSchema } from '../../contracts/api/organisation';

const Id = z.object({ id: z.string().min(1).max(40) });
const Code = z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'Små bokstäver a–z, siffror och bindestreck');
const Name = z.string().trim().min(1).max(120);

/** Professions, care units, working groups and API keys: the admin page's other tabs. */
export const organisationRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/professions',
    response: ProfessionListSchema,
    access: 'authenticated',
    summary: 'Yrkesgrupper',
    handler: async ({ deps }) => ({ professions: await deps.db.prisma.profession.findMany({ orderBy: { name: 'asc' } }) }),
  }),
  route({
    method: 'post',
    path: '/admin/professions',
    response: ProfessionEnvelopeSchema,
    access: ['admin'],
    summary: 'Ny yrkesgrupp',
    body: z.object({ code: Code, name: Name }),
    handler: async ({ deps, body }) => {
      if (await deps.db.prisma.profession.findUnique({ where: { code: body.code } })) throw conflict('Koden finns redan.');
      return created({ profession: await deps.db.prisma.profession.create({ data: body }) });
    },
  }),
  route({
    method: 'patch',
    path: '/admin/professions/:id',
    response: ProfessionEnvelopeSchema,
    access: ['admin'],
    summary: 'Byt namn på yrkesgrupp',
    params: Id,
    body: z.object({ name: Name }),
    handler: async ({ deps, params, body }) => {
      if (!(await deps.db.prisma.profession.findUnique({ where: { id: params.id } }))) throw notFound('Yrkesgruppen');
      return { profession: await deps.db.prisma.profession.update({ where: { id: params.id }, data: body }) };
    },
  }),
  route({
    method: 'get',
    path: '/care-units',
    response: CareUnitListSchema,
    access: 'authenticated',
    summary: 'Vårdenheter',
    handler: async ({ deps }) => ({ careUnits: await deps.db.prisma.careUnit.findMany({ orderBy: { name: 'asc' } }) }),
  }),
  route({
    method: 'post',
    path: '/admin/care-units',
    response: CareUnitEnvelopeSchema,
    access: ['admin'],
    summary: 'Ny vårdenhet',
    body: z.object({ code: Code, name: Name }),
    handler: async ({ deps, body }) => {
      if (await deps.db.prisma.careUnit.findUnique({ where: { code: body.code } })) throw conflict('Koden finns redan.');
      return created({ careUnit: await deps.db.prisma.careUnit.create({ data: body }) });
    },
  }),
  route({
    method: 'get',
    path: '/groups',
    response: GroupListSchema,
    access: 'authenticated',
    summary: 'Arbetsgrupper med medlemmar',
    handler: async ({ deps }) => {
      const groups = await deps.db.prisma.workingGroup.findMany({
        include: { profession: true, members: { include: { user: true } } },
        orderBy: { name: 'asc' },
      });
      return {
        groups: groups.map((g) => ({
          id: g.id,
          name: g.name,
          profession: { id: g.profession.id, code: g.profession.code, name: g.profession.name },
          members: g.members.map((m) => ({ id: m.user.id, displayName: m.user.displayName })),
        })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/admin/groups',
    response: GroupCreatedSchema,
    access: ['admin'],
    summary: 'Ny arbetsgrupp',
    body: z.object({ name: Name, professionId: z.string().min(1).max(40) }),
    handler: async ({ deps, body }) => {
      if (!(await deps.db.prisma.profession.findUnique({ where: { id: body.professionId } }))) throw notFound('Yrkesgruppen');
      if (await deps.db.prisma.workingGroup.findUnique({ where: { name: body.name } })) throw conflict('Namnet finns redan.');
      return created({ group: await deps.db.prisma.workingGroup.create({ data: body }) });
    },
  }),
  route({
    method: 'patch',
    path: '/admin/groups/:id',
    response: NoContentSchema,
    access: ['admin'],
    summary: 'Ändra arbetsgrupp och medlemmar',
    params: Id,
    body: z.object({ name: Name.optional(), memberIds: z.array(z.string().max(40)).max(200).optional() }),
    handler: async ({ deps, params, body }) => {
      if (!(await deps.db.prisma.workingGroup.findUnique({ where: { id: params.id } }))) throw notFound('Arbetsgruppen');
      await deps.db.prisma.$transaction(async (tx) => {
        if (body.name) await tx.workingGroup.update({ where: { id: params.id }, data: { name: body.name } });
        if (body.memberIds) {
          await tx.groupMember.deleteMany({ where: { groupId: params.id } });
          await tx.groupMember.createMany({ data: [...new Set(body.memberIds)].map((userId) => ({ userId, groupId: params.id })) });
        }
      });
      // Members' group lists are in the web processes' session copies (old and new members alike).
      if (body.memberIds) await deps.sessions.invalidate('all');
      return noContent();
    },
  }),
  route({
    method: 'get',
    path: '/admin/api-keys',
    response: ApiKeyListSchema,
    access: ['admin'],
    summary: 'API-nycklar för gatewayen',
    handler: async ({ deps }) => ({
      apiKeys: (await deps.db.prisma.apiKey.findMany({ orderBy: { createdAt: 'desc' } })).map(({ hash: _hash, ...k }) => k),
    }),
  }),
  route({
    method: 'post',
    path: '/admin/api-keys',
    response: ApiKeyCreatedSchema,
    access: ['admin'],
    summary: 'Skapa API-nyckel (visas en gång)',
    body: z.object({ name: Name }),
    handler: async ({ deps, body, user }) => created(await createApiKey(deps, body.name, user.id)),
  }),
  route({
    method: 'delete',
    path: '/admin/api-keys/:id',
    response: NoContentSchema,
    access: ['admin'],
    summary: 'Återkalla API-nyckel',
    params: Id,
    handler: async ({ deps, params }) => {
      const { count } = await deps.db.prisma.apiKey.updateMany({ where: { id: params.id, revokedAt: null }, data: { revokedAt: new Date() } });
      if (count === 0) throw notFound('Nyckeln');
      return noContent();
    },
  }),
];
