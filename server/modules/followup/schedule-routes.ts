import crypto from 'node:crypto';
import { z } from 'zod';
import { notFound, unprocessable } from '../../errors';
import { created, route, type RouteDef } from '../../http/route';
import { ScheduleBodySchema, currentAssignment, describeSchedule, listSchedules } from './schedule';
import { ScheduleAssignmentSchema, ScheduleCreatedSchema, ScheduleListSchema } from '../../contracts/api/encounters';

/**
 * Comparison schedules: leads create and end them and see how they are
 * followed (encounters and overrides per schedule); a clinician asks only
 * for the period in force today.
 */
export const scheduleRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/followup/schedules',
    response: ScheduleListSchema,
    access: ['lead', 'admin'],
    summary: 'Jämförelsescheman',
    handler: async ({ deps }) => ({ schedules: await listSchedules(deps) }),
  }),
  route({
    method: 'post',
    path: '/followup/schedules',
    response: ScheduleCreatedSchema,
    access: ['lead'],
    summary: 'Nytt jämförelseschema (perioder med och utan AI)',
    body: ScheduleBodySchema,
    audit: { action: 'followup.schedule.create', kind: 'write' },
    handler: async (ctx) => {
      const { deps, body, user } = ctx;
      const db = deps.db.prisma;
      if (body.professionId && !(await db.profession.findUnique({ where: { id: body.professionId } }))) throw unprocessable('Okänd yrkesgrupp.', [{ field: 'body.professionId', message: 'Finns inte' }]);
      if (body.careUnitId && !(await db.careUnit.findUnique({ where: { id: body.careUnitId } }))) throw unprocessable('Okänd vårdenhet.', [{ field: 'body.careUnitId', message: 'Finns inte' }]);
      const schedule = await db.comparisonSchedule.create({ data: { ...body, seed: crypto.randomInt(0, 2 ** 31 - 1), createdById: user.id } });
      ctx.auditDetails = { scheduleId: schedule.id, pattern: body.pattern, level: body.level };
      return created({ schedule: { id: schedule.id, description: describeSchedule(schedule) } }, `/api/v1/followup/schedules/${schedule.id}`);
    },
  }),
  route({
    method: 'post',
    path: '/followup/schedules/:id/end',
    response: ScheduleListSchema,
    access: ['lead'],
    summary: 'Avsluta ett jämförelseschema',
    params: z.object({ id: z.string().min(1).max(40) }),
    audit: { action: 'followup.schedule.end', kind: 'write' },
    handler: async ({ deps, params }) => {
      const db = deps.db.prisma;
      if (!(await db.comparisonSchedule.findUnique({ where: { id: params.id } }))) throw notFound('Schemat');
      await db.comparisonSchedule.update({ where: { id: params.id }, data: { endedAt: new Date() } });
      return { schedules: await listSchedules(deps) };
    },
  }),
  route({
    method: 'get',
    path: '/followup/schedule/current',
    response: ScheduleAssignmentSchema,
    access: ['clinician'],
    summary: 'Vad schemat säger för perioden som pågår',
    handler: async ({ deps, user }) => ({ assignment: await currentAssignment(deps, user) }),
  }),
];
