import { z } from 'zod';
import { badRequest } from '../../errors';
import { route, type RouteDef } from '../../http/route';
import { ownedEncounter } from '../encounters/guards';
import { ClientEventKindSchema, dropRepeats, MAX_EVENT_MS, timeEventData } from './service';
import { TimeEventsRecordedSchema } from '../../contracts/api/review';

const EncounterId = z.object({ id: z.string().min(1).max(40) });

/** Clocks drift and batches are sent late (a tab in the background), but not by days. */
const MAX_PAST_MS = 7 * 24 * 3_600_000;
const MAX_FUTURE_MS = 5 * 60_000;

const EventSchema = z.object({
  kind: ClientEventKindSchema,
  at: z.iso.datetime({ offset: true }),
  valueMs: z.number().int().min(0).max(MAX_EVENT_MS).optional(),
  draftId: z.string().min(1).max(40).optional(),
});

export const timingRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/encounters/:id/time-events',
    response: TimeEventsRecordedSchema,
    access: ['clinician'],
    summary: 'Tidshändelser för dokumentationsarbetet (ingen text)',
    params: EncounterId,
    body: z.object({ events: z.array(EventSchema).min(1).max(200) }),
    audit: { action: 'timing.record', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, params, body, resource: encounter }) => {
      const now = Date.now();
      const events = body.events.map((e, i) => {
        const at = new Date(e.at);
        if (at.getTime() > now + MAX_FUTURE_MS || at.getTime() < now - MAX_PAST_MS) {
          throw badRequest('En tidpunkt ligger utanför rimliga gränser.', [{ field: `body.events.${i}.at`, message: 'Orimlig tidpunkt' }]);
        }
        if (e.kind === 'active_editing' && e.valueMs === undefined) {
          throw badRequest('Aktiv redigeringstid saknar längd.', [{ field: `body.events.${i}.valueMs`, message: 'Saknas' }]);
        }
        return { ...e, at };
      });
      const draftIds = [...new Set(events.flatMap((e) => (e.draftId ? [e.draftId] : [])))];
      if (draftIds.length > 0) {
        const found = await deps.db.prisma.draft.count({ where: { id: { in: draftIds }, encounterId: params.id } });
        if (found !== draftIds.length) throw badRequest('Utkastet hör inte till besöket.', [{ field: 'body.events.draftId', message: 'Okänt utkast' }]);
      }
      const owner = { userId: user.id, professionId: encounter.professionId, careUnitId: encounter.careUnitId };
      const fresh = await dropRepeats(deps, params.id, events);
      await deps.db.prisma.timeEvent.createMany({
        data: fresh.map((e) => timeEventData(owner, { kind: e.kind, at: e.at, encounterId: params.id, draftId: e.draftId ?? null, valueMs: e.valueMs ?? null })),
      });
      // The stated end of the consultation is also the encounter's, for reports that read the encounter.
      const ended = events.filter((e) => e.kind === 'consultation_ended').at(-1);
      if (ended && !encounter.consultationEndedAt) {
        await deps.db.prisma.encounter.update({ where: { id: params.id }, data: { consultationEndedAt: ended.at } });
      }
      return { recorded: fresh.length };
    },
  }),
];
