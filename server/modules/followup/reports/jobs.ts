import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import type { AppJobContext } from '../../../deps';
import { badRequest, JobFailure } from '../../../errors';
import { reportData } from './data';
import { buildMarkdown } from './markdown';
import { writeXlsx } from './xlsx';

/**
 * Reports are built as background jobs (`report.build`): at a region's scale
 * the XLSX takes tens of seconds, which no HTTP request should hold a
 * connection for. The job writes the file to the reports store
 * (`deps.files.reports`: disk or database, so any web process can serve it),
 * marks the ReportFile row ready and keeps it REPORT_RETENTION_HOURS; the
 * hourly retention job deletes it after that, as an access-log row.
 */
export const REPORT_JOB = 'report.build';

export const ReportQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  format: z.enum(['xlsx', 'md']),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Payload = z.object({ reportId: z.string().min(1) });

export const reportKey = (id: string, format: string) => `${id}.${format === 'xlsx' ? 'xlsx' : 'md'}`;

export function reportFilename(q: ReportQuery): { filename: string; contentType: string } {
  return { filename: `uppfoljning-${q.from}-${q.to}.${q.format}`, contentType: q.format === 'xlsx' ? XLSX_TYPE : 'text/markdown; charset=utf-8' };
}

/** A period must run forwards; `field` names the input at fault for the caller's kind of input. */
export function checkPeriod(q: ReportQuery, field: string): void {
  if (q.from > q.to) throw badRequest('Från-datum är efter till-datum.', [{ field, message: 'Efter till-datum' }]);
}

/**
 * A report as it is written (the job stores it piece by piece: a region's
 * XLSX is tens of megabytes); the figures are gathered first.
 */
export async function reportParts(deps: AppDeps, q: ReportQuery, progress: (fraction: number, note: string) => Promise<void> = async () => undefined) {
  await progress(0.05, 'Hämtar uppföljningens siffror');
  const data = await reportData(deps, q.from, q.to);
  await progress(0.6, q.format === 'xlsx' ? 'Skriver arbetsboken' : 'Skriver rapporten');
  const parts: AsyncIterable<Uint8Array> | Uint8Array[] = q.format === 'xlsx' ? writeXlsx(data) : [Buffer.from(buildMarkdown(data), 'utf8')];
  return { ...reportFilename(q), parts };
}

/** Building a report in one go, in memory: the CLI (`npm run report`) and tests. */
export async function buildReport(deps: AppDeps, q: ReportQuery, progress?: (fraction: number, note: string) => Promise<void>) {
  const { parts, ...meta } = await reportParts(deps, q, progress);
  const chunks: Uint8Array[] = [];
  for await (const chunk of parts) chunks.push(chunk);
  return { ...meta, body: Buffer.concat(chunks) };
}

async function buildReportJob({ deps, payload, progress }: AppJobContext) {
  const { reportId } = Payload.parse(payload);
  const db = deps.db.prisma;
  const row = await db.reportFile.findUnique({ where: { id: reportId } });
  if (!row || row.deletedAt) throw new JobFailure('not_found', 'Rapportbeställningen finns inte längre.');
  if (row.readyAt) return { reportId, size: row.size, reused: true };
  const q = ReportQuerySchema.parse({ from: row.periodFrom, to: row.periodTo, format: row.format });
  const report = await reportParts(deps, q, progress);
  const key = reportKey(row.id, row.format);
  // written to the store while it is made, never whole in memory
  const size = await deps.files.reports.put(key, report.parts);
  const readyAt = new Date();
  await db.reportFile.update({
    where: { id: row.id },
    data: { storageKey: key, size, readyAt, expiresAt: new Date(readyAt.getTime() + deps.env.REPORT_RETENTION_HOURS * 3_600_000) },
  });
  return { reportId, size };
}

/** Reports past their time: file deleted, row kept as a tombstone, each deletion an access-log row by the system. */
export async function sweepReports(deps: AppDeps, now = new Date()): Promise<number> {
  const due = await deps.db.prisma.reportFile.findMany({ where: { deletedAt: null, expiresAt: { lt: now } } });
  for (const row of due) {
    if (row.storageKey) await deps.files.reports.delete(row.storageKey);
    await deps.db.prisma.reportFile.update({ where: { id: row.id }, data: { deletedAt: now, storageKey: null } });
    await deps.audit.record({
      user: null,
      action: 'report.deleted',
      kind: 'delete',
      outcome: 'success',
      details: { reportId: row.id, reason: 'retention', actor: 'system' },
    });
  }
  return due.length;
}

export function registerReports(deps: AppDeps): void {
  deps.jobs.register(REPORT_JOB, buildReportJob);
}
