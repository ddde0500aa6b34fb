import { z } from 'zod';

/**
 * Building blocks of the answers' contracts. Timestamps travel as ISO text
 * (a Date the server returns becomes this in JSON).
 */
export const Id = z.string().min(1);
export const Timestamp = z.iso.datetime({ offset: true });
export const Ref = z.object({ id: Id, name: z.string() });
export const CodedRef = Ref.extend({ code: z.string() });
/** 204: no body */
export const NoContentSchema = z.undefined();
/** a job that was started: the client polls /jobs/:id */
export const JobStartedSchema = z.object({ jobId: Id });
