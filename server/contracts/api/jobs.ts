import { z } from 'zod';
import { JobStatus } from '../status';
import { Id } from './common';

/** A background job as /jobs/:id shows it (server/modules/jobs). */
export const JobSchema = z.object({ id: Id, status: JobStatus.schema, progress: z.number(), progressNote: z.string().nullable(), error: z.string().nullable() });
export type Job = z.infer<typeof JobSchema>;
