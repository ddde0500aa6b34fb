import { z } from 'zod';
import { badRequest } from '../../errors';
import { rawReply, route, type RouteDef } from '../../http/route';
import { reportData } from './data';
import { buildMarkdown } from './markdown';
import { buildXlsx } from './xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ReportQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  format: z.enum(['xlsx', 'md']),
});

/** Building a report; the CLI and the HTTP route share it. */
export async function buildReport(deps: Parameters<typeof reportData>[0], q: z.infer<typeof ReportQuerySchema>) {
  if (q.from > q.to) throw badRequest('Från-datum är efter till-datum.', [{ field: 'query.from', message: 'Efter till-datum' }]);
  const data = await reportData(deps, q.from, q.to);
  const filename = `uppfoljning-${q.from}-${q.to}.${q.format}`;
  if (q.format === 'xlsx') return { filename, contentType: XLSX_TYPE, body: await buildXlsx(data) };
  return { filename, contentType: 'text/markdown; charset=utf-8', body: Buffer.from(buildMarkdown(data), 'utf8') };
}

export const reportRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/reports',
    access: ['lead', 'admin'],
    summary: 'Uppföljningsrapport som XLSX eller Markdown',
    query: ReportQuerySchema,
    audit: { action: 'report.export', kind: 'export' },
    handler: async (ctx) => {
      const report = await buildReport(ctx.deps, ctx.query);
      ctx.auditDetails = { format: ctx.query.format, from: ctx.query.from, to: ctx.query.to };
      return rawReply(report.body, { 'Content-Type': report.contentType, 'Content-Disposition': `attachment; filename="${report.filename}"` });
    },
  }),
];
