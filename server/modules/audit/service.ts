import type { Database } from '../../db/client';
import type { SessionUser } from '../auth/session-user';
import type { Logger } from '../../logger';
import { serviceUnavailable } from '../../errors';
import { createBatcher } from './batch';
import { insertAuditRows, type AuditRow } from './insert';

/** measured at 200 connections: 2 gave a lower p99 than 1 or 4 (bench/README.md, `api`) */
const AUDIT_INSERTS_IN_FLIGHT = 2;

const auditUnavailable = () =>
  serviceUnavailable('Åtkomstloggen kan inte skrivas just nu, så begäran avbröts. Försök igen om en stund; kvarstår felet, kontakta förvaltningen.', 'audit_unavailable');

/**
 * The access log required by Patientdatalagen: who (user, role, care unit)
 * did what (action, kind) to which encounter, when, and with what outcome.
 * Append-only: this service has no update or delete except the retention
 * sweep, and no route exposes one; database triggers refuse UPDATE, and
 * DELETE of rows younger than five years (the legal minimum), on both
 * databases. A row that cannot be written fails the request (fail closed). Details hold ids and hashes, never text.
 */
export interface AuditInput {
  user: SessionUser | null;
  action: string;
  kind: 'read' | 'write' | 'delete' | 'export' | 'login';
  encounterId?: string | null;
  outcome: 'success' | 'denied' | 'error';
  requestId?: string;
  details?: Record<string, string | number | boolean>;
  /** for events without a session (login attempts, system jobs) */
  actorId?: string | null;
}

export interface AuditService {
  record(input: AuditInput): Promise<void>;
  /** delete rows older than the retention period; returns how many */
  sweep(now?: Date): Promise<number>;
}

export function createAuditService(db: Database, logger: Logger, retentionYears: number): AuditService {
  // Rows arriving while an INSERT is in flight go together in the next one (batch.ts); each caller waits for its own.
  // Two INSERTs at once on PostgreSQL's pool; SQLite's one connection writes one transaction at a time anyway.
  const rows = createBatcher<AuditRow>((batch) => insertAuditRows(db, batch), 500, db.kind === 'postgresql' ? AUDIT_INSERTS_IN_FLIGHT : 1);
  return {
    async record(input) {
      try {
        await rows.add({
          at: new Date(), // the access's time, not the batch's
          userId: input.user?.id ?? input.actorId ?? null,
          role: input.user ? input.user.roles.join(',') : null,
          careUnitId: input.user?.careUnitId ?? null,
          encounterId: input.encounterId ?? null,
          action: input.action,
          kind: input.kind,
          outcome: input.outcome,
          requestId: input.requestId ?? null,
          details: input.details ?? null,
        });
      } catch (error) {
        // Fail closed: no access without its row. The caller's request fails
        // (the router writes the row before any data leaves).
        logger.error('audit.write_failed', { requestId: input.requestId, code: input.action, error });
        throw auditUnavailable();
      }
    },
    async sweep(now = new Date()) {
      const cutoff = new Date(now);
      cutoff.setFullYear(cutoff.getFullYear() - retentionYears);
      const { count } = await db.prisma.auditEvent.deleteMany({ where: { at: { lt: cutoff } } });
      return count;
    },
  };
}
