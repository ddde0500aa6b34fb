import { z } from 'zod';

/** The demo workspace's invented pilot (server/seed/demo-pilot.ts, server/modules/admin/demo-pilot.ts). */
const PilotSchema = z.object({ from: z.string(), to: z.string(), clinicians: z.number(), notes: z.number(), surveys: z.number(), createdAt: z.iso.datetime({ offset: true }) });
export type Pilot = z.infer<typeof PilotSchema>;
export const PilotEnvelopeSchema = z.object({ pilot: PilotSchema.nullable() });
export const PilotRemovedSchema = z.object({ removed: z.object({ notes: z.number(), clinicians: z.number() }) });
