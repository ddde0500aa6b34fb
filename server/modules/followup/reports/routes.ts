import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { AppError, conflict, forbidden, notFound } from '../../../errors';
import { accepted, route, type RouteDef, type SessionUser } from '../../../http/route';
import { REPORT_JOB, ReportQuerySchema, checkPeriod, reportFilename } from './jobs';
import { ReportEnvelopeSchema, ReportListSchema } from '../../../contracts/api/reports';

/**
 * Reports as background jobs: POST asks for one (202 at once, the job's
 * location for its progress), GET lists and shows them, `/file` downloads a
 * finished one. Every request answers in well under a second; the building
 * happens on a worker. Asking and downloading are access-log rows (export).
 */
const leads = ['lead', 'admin'] as const;
const Id = z.object({ id: z.string().min(1).max(40) });
const LISTED = 20;

type ReportRow = NonNullable<Awaited<ReturnType<AppDeps['db']['prisma']['reportFile']['findUnique']>>>;

interface JobState {
  status: string;
  progress: number;
  progressNote: string | null;
  error: string | null;
}

const jobState = (deps: AppDeps, row: ReportRow): Promise<JobState | null> =>
  row.jobId ? deps.db.prisma.job.findUnique({ where: { id: row.jobId }, select: { status: true, progress: true, progressNote: true, error: true } }) : Promise.resolve(null);

function presentReport(row: ReportRow, job: JobState | null) {
  const status = row.deletedAt ? 'expired' : row.readyAt ? 'ready' : job?.status === 'failed' || job?.status === 'cancelled' ? 'failed' : 'building';
  return {
    id: row.id,
    format: row.format,
    from: row.periodFrom,
    to: row.periodTo,
    filename: row.filename,
    status,
    progress: status === 'ready' ? 1 : (job?.progress ?? 0),
    progressNote: status === 'building' ? (job?.progressNote ?? null) : null,
    error: status === 'failed' ? (job?.error ?? null) : null,
    size: row.size,
    jobId: row.jobId,
    createdAt: row.createdAt,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
    fileUrl: status === 'ready' ? `/api/v1/reports/${row.id}/file` : null,
  };
}

/** A report is its requester's; an administrator may see every one. */
async function ownReport(deps: AppDeps, user: SessionUser, id: string): Promise<ReportRow> {
  const row = await deps.db.prisma.reportFile.findUnique({ where: { id } });
  if (!row) throw notFound('Rapporten');
  if (row.createdById !== user.id && !user.roles.includes('admin')) throw forbidden('Rapporten beställdes av en annan användare.');
  return row;
}

export const reportRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/reports',
    response: ReportEnvelopeSchema,
    access: leads,
    summary: 'Beställ en uppföljningsrapport (XLSX eller Markdown); byggs som ett jobb',
    body: ReportQuerySchema,
    audit: { action: 'report.export', kind: 'export' },
    handler: async (ctx) => {
      const { deps, body, user } = ctx;
      checkPeriod(body, 'body.from');
      const { filename, contentType } = reportFilename(body);
      // The row names its job (same id) before the job exists, and nothing is awaited after the enqueue: on the
      // embedded default the job starts at once in this process, and the answer must not wait behind it.
      const id = crypto.randomUUID();
      const row = await deps.db.prisma.reportFile.create({
        data: {
          id,
          jobId: id,
          format: body.format,
          periodFrom: body.from,
          periodTo: body.to,
          filename,
          contentType,
          createdById: user.id,
          expiresAt: new Date(Date.now() + deps.env.REPORT_RETENTION_HOURS * 3_600_000),
        },
      });
      ctx.auditDetails = { reportId: id, format: body.format, from: body.from, to: body.to };
      await deps.jobs.enqueue(REPORT_JOB, { reportId: id }, { createdById: user.id, id });
      return accepted({ report: presentReport(row, { status: 'queued', progress: 0, progressNote: null, error: null }) }, `/api/v1/reports/${id}`);
    },
  }),
  route({
    method: 'get',
    path: '/reports',
    response: ReportListSchema,
    access: leads,
    summary: 'Mina senaste rapporter och hur långt de kommit',
    handler: async ({ deps, user }) => {
      const rows = await deps.db.prisma.reportFile.findMany({ where: { createdById: user.id, deletedAt: null }, orderBy: { createdAt: 'desc' }, take: LISTED });
      return { reports: await Promise.all(rows.map(async (r) => presentReport(r, await jobState(deps, r)))) };
    },
  }),
  route({
    method: 'get',
    path: '/reports/:id',
    response: ReportEnvelopeSchema,
    access: leads,
    summary: 'En rapports status och förlopp',
    params: Id,
    handler: async ({ deps, user, params }) => {
      const row = await ownReport(deps, user, params.id);
      return { report: presentReport(row, await jobState(deps, row)) };
    },
  }),
  route({
    method: 'get',
    path: '/reports/:id/file',
    response: 'file',
    access: leads,
    summary: 'Ladda ner en färdig rapport',
    params: Id,
    audit: { action: 'report.download', kind: 'export' },
    handler: async (ctx) => {
      const { deps, user, params, res } = ctx;
      const row = await ownReport(deps, user, params.id);
      ctx.auditDetails = { reportId: row.id, format: row.format };
      if (row.deletedAt) throw new AppError(410, 'report_expired', 'Rapporten är raderad', 'Rapporten har sparats sin tid ut och är raderad. Beställ en ny.');
      if (!row.readyAt || !row.storageKey) throw conflict('Rapporten byggs fortfarande.', 'report_not_ready');
      const size = await deps.files.reports.size(row.storageKey);
      if (size === null) throw new AppError(410, 'report_expired', 'Rapporten är raderad', 'Rapporten har sparats sin tid ut och är raderad. Beställ en ny.');
      // The access-log row goes before any byte of the report.
      await ctx.auditNow();
      res.status(200).set({
        'Content-Type': row.contentType,
        'Content-Length': String(size),
        'Content-Disposition': `attachment; filename="${row.filename}"`,
        'Cache-Control': 'private, no-store',
      });
      await pipeline(Readable.from(deps.files.reports.stream(row.storageKey, 0, size)), res);
      return undefined;
    },
  }),
];
