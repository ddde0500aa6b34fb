import { z } from 'zod';
import { created, route, type RouteDef } from '../../http/route';
import { unprocessable } from '../../errors';
import { currentAssignment } from '../followup/schedule';
import { ownedEncounter } from './guards';
import { presentEncounter } from './service';
import { EncounterLabel } from './label';
import { EncounterEnvelopeSchema, EncounterListSchema } from '../../contracts/api/encounters';

const Id = z.object({ id: z.string().min(1).max(40) });
const clinical = ['clinician'] as const;

export const encounterRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/encounters',
    response: EncounterListSchema,
    access: clinical,
    summary: 'Mina besök',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    audit: { action: 'encounter.list', kind: 'read' },
    handler: async ({ deps, user, query }) => {
      const rows = await deps.db.prisma.encounter.findMany({
        where: { createdById: user.id },
        orderBy: { createdAt: 'desc' },
        take: query.limit,
      });
      return { encounters: rows.map(presentEncounter) };
    },
  }),
  route({
    method: 'post',
    path: '/encounters',
    response: EncounterEnvelopeSchema,
    access: clinical,
    summary: 'Nytt besök',
    body: z.object({
      label: EncounterLabel,
      /** default: what the comparison schedule assigns for today, else ai */
      mode: z.enum(['ai', 'baseline']).optional(),
      /** required when the mode differs from the schedule's */
      overrideReason: z.string().trim().max(300).optional(),
      workflowVersionId: z.string().max(40).nullable().optional(),
    }),
    audit: { action: 'encounter.create', kind: 'write' },
    handler: async (ctx) => {
      const { deps, user, body } = ctx;
      // A schedule in force decides the mode; choosing otherwise needs a reason, and is counted.
      const assignment = await currentAssignment(deps, user);
      const mode = body.mode ?? assignment?.mode ?? 'ai';
      const override = assignment !== null && mode !== assignment.mode;
      if (override && !body.overrideReason) {
        throw unprocessable('Schemat säger ett annat arbetssätt för den här perioden.', [{ field: 'body.overrideReason', message: 'Skriv varför du avviker från schemat (inga patientuppgifter).' }], 'schedule_override_reason');
      }
      const encounter = await deps.db.prisma.encounter.create({
        data: {
          label: body.label,
          mode,
          scheduleId: assignment?.scheduleId ?? null,
          assignedMode: assignment?.mode ?? null,
          modeOverrideReason: override ? body.overrideReason! : null,
          workflowVersionId: body.workflowVersionId ?? null,
          createdById: user.id,
          professionId: user.professionId,
          careUnitId: user.careUnitId,
        },
      });
      ctx.auditEncounterId = encounter.id;
      return created({ encounter: presentEncounter(encounter) }, `/api/v1/encounters/${encounter.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/encounters/:id',
    response: EncounterEnvelopeSchema,
    access: clinical,
    summary: 'Ett besök',
    params: Id,
    audit: { action: 'encounter.read', kind: 'read', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ resource }) => ({ encounter: presentEncounter(resource) }),
  }),
  route({
    method: 'patch',
    path: '/encounters/:id',
    response: EncounterEnvelopeSchema,
    access: clinical,
    summary: 'Ändra besökets etikett eller arbetssätt',
    params: Id,
    body: z.object({ label: EncounterLabel.optional(), workflowVersionId: z.string().max(40).nullable().optional() }),
    audit: { action: 'encounter.update', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, params, body }) => {
      const updated = await deps.db.prisma.encounter.update({ where: { id: params.id }, data: body });
      return { encounter: presentEncounter(updated) };
    },
  }),
  route({
    method: 'post',
    path: '/encounters/:id/consent',
    response: EncounterEnvelopeSchema,
    access: clinical,
    summary: 'Patienten har samtyckt till inspelning',
    params: Id,
    audit: { action: 'encounter.consent', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, params }) => {
      const updated = await deps.db.prisma.encounter.update({ where: { id: params.id }, data: { consentAt: new Date(), consentById: user.id } });
      return { encounter: presentEncounter(updated) };
    },
  }),
];
