import { z } from 'zod';
import { badRequest } from '../../errors';
import { rawReply, route, type RouteDef } from '../../http/route';
import { AUDIT_KIND_SV, auditActionLabels, roleLabel } from './labels';
import { AuditExtractSchema } from '../../contracts/api/audit';

/** Ids are cuids; anything else is refused rather than searched for (and put in a file name). */
const RowId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Ett id: bokstäver, siffror, - och _ (högst 40 tecken)');

const ExtractQuery = z
  .object({
    encounterId: RowId.optional(),
    userId: RowId.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.encounterId || q.userId, { message: 'Ange ett besök eller en användare', path: ['encounterId'] });

const COLUMNS = ['at', 'userId', 'username', 'role', 'careUnitId', 'encounterId', 'action', 'kind', 'outcome', 'requestId', 'actionLabel', 'kindLabel', 'roleLabel'] as const;


export function csvCell(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : v == null ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The extract a patient (per encounter) or a supervisor (per user) can ask
 * for: who accessed what, when, with what outcome. Exporting is itself
 * logged. `routeTable` gives the whole API (which holds these routes too), so
 * each action is named by its route's Swedish summary.
 */
export function auditRoutes(routeTable: () => readonly RouteDef[]): RouteDef[] {
  let labels: Map<string, string> | null = null;
  const actionLabels = () => (labels ??= auditActionLabels(routeTable()));
  return [
    route({
      method: 'get',
      path: '/admin/audit',
      response: AuditExtractSchema,
      access: ['admin'],
      summary: 'Utdrag ur åtkomstloggen för ett besök eller en användare',
      query: ExtractQuery,
      audit: { action: 'audit.export', kind: 'export', encounterId: ({ query }) => query.encounterId },
      handler: async ({ deps, query }) => {
        const where = {
          ...(query.encounterId ? { encounterId: query.encounterId } : {}),
          ...(query.userId ? { userId: query.userId } : {}),
          ...(query.from || query.to
            ? { at: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(new Date(query.to).getTime() + 86_400_000) } : {}) } }
            : {}),
        };
        if (query.from && query.to && query.from > query.to) throw badRequest('Från-datum är efter till-datum.', [{ field: 'query.from', message: 'Efter till-datum' }]);
        const rows = await deps.db.prisma.auditEvent.findMany({ where, orderBy: [{ at: 'asc' }, { id: 'asc' }], take: 100_000 });
        const userIds = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
        const users = new Map(
          (await deps.db.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true } })).map((u) => [u.id, u.username]),
        );
        const names = actionLabels();
        const events = rows.map((r) => ({
          at: r.at,
          userId: r.userId,
          username: r.userId ? (users.get(r.userId) ?? null) : null,
          role: r.role,
          careUnitId: r.careUnitId,
          encounterId: r.encounterId,
          action: r.action,
          kind: r.kind,
          outcome: r.outcome,
          requestId: r.requestId,
          // Swedish words for people reading the extract; the codes above stay for machines.
          actionLabel: names.get(r.action) ?? 'Annan händelse',
          kindLabel: AUDIT_KIND_SV[r.kind] ?? r.kind,
          roleLabel: roleLabel(r.role),
        }));
        if (query.format === 'csv') {
          const csv = [COLUMNS.join(';'), ...events.map((e) => COLUMNS.map((c) => csvCell(e[c])).join(';'))].join('\n') + '\n';
          return rawReply(csv, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="atkomstlogg-${query.encounterId ?? query.userId}.csv"` });
        }
        return { count: events.length, events };
      },
    }),
  ];
}
