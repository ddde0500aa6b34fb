import { z } from 'zod';
import { Timestamp } from './common';

/** The access-log extract (server/modules/audit/routes.ts, format=json; CSV is a file). */
const AuditEventSchema = z.object({
  at: Timestamp,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  careUnitId: z.string().nullable(),
  encounterId: z.string().nullable(),
  action: z.string(),
  kind: z.string(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  actionLabel: z.string(),
  kindLabel: z.string(),
  roleLabel: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditExtractSchema = z.object({ count: z.number().int(), events: z.array(AuditEventSchema) });
