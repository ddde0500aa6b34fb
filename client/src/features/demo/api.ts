import { z } from 'zod';
import { request } from '../../api/client';

/** The demo workspace's invented pilot (server/seed/demo-pilot.ts). */
export const PilotSchema = z.object({ from: z.string(), to: z.string(), clinicians: z.number(), notes: z.number(), surveys: z.number(), createdAt: z.string() });
export type Pilot = z.infer<typeof PilotSchema>;
export const getDemoPilot = () => request('GET', '/demo-pilot', z.object({ pilot: PilotSchema.nullable() }));
export const removeDemoPilot = () =>
  request('DELETE', '/demo-pilot', z.object({ removed: z.object({ notes: z.number(), clinicians: z.number() }) }));
