import { route, type RouteDef } from '../../http/route';
import { demoPilotInfo, removeDemoPilot } from '../../seed/demo-pilot';
import { PilotEnvelopeSchema, PilotRemovedSchema } from '../../contracts/api/demo';

/** Whether the demo workspace's invented pilot is present (the dashboard labels it), and its removal in one step. */
export const demoPilotRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/demo-pilot',
    response: PilotEnvelopeSchema,
    access: ['lead', 'admin'],
    summary: 'Finns den påhittade demopiloten?',
    handler: async ({ deps }) => ({ pilot: await demoPilotInfo(deps) }),
  }),
  route({
    method: 'delete',
    path: '/demo-pilot',
    response: PilotRemovedSchema,
    access: ['admin'],
    summary: 'Ta bort den påhittade demopiloten (anteckningar, kliniker, enkätsvar)',
    audit: { action: 'demo.pilot_remove', kind: 'delete' },
    handler: async (ctx) => {
      const removed = await removeDemoPilot(ctx.deps);
      ctx.auditDetails = { notes: removed.notes, clinicians: removed.clinicians };
      return { removed };
    },
  }),
];
