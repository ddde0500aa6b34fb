import { z } from 'zod';
import { ReportStatus } from '../status';

/** A report built as a job (GET/POST /reports, server/modules/followup/reports). */
const ReportViewSchema = z.object({
  id: z.string(),
  format: z.enum(['xlsx', 'md']),
  from: z.string(),
  to: z.string(),
  filename: z.string(),
  status: ReportStatus.schema,
  progress: z.number(),
  progressNote: z.string().nullable(),
  error: z.string().nullable(),
  expiresAt: z.string(),
  fileUrl: z.string().nullable(),
});
export type ReportView = z.infer<typeof ReportViewSchema>;
export const ReportEnvelopeSchema = z.object({ report: ReportViewSchema });
export const ReportListSchema = z.object({ reports: z.array(ReportViewSchema) });
