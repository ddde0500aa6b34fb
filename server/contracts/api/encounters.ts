import { z } from 'zod';
import { EncounterMode, EncounterStatus } from '../status';
import { Id, Timestamp } from './common';

/** Answers of /encounters (server/modules/encounters) and today's comparison schedule. */
export const EncounterSchema = z.object({
  id: Id,
  label: z.string(),
  mode: EncounterMode.schema,
  status: EncounterStatus.schema,
  professionId: z.string().nullable(),
  careUnitId: z.string().nullable(),
  workflowVersionId: z.string().nullable(),
  consentAt: Timestamp.nullable(),
  consultationEndedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Encounter = z.infer<typeof EncounterSchema>;
export const EncounterListSchema = z.object({ encounters: z.array(EncounterSchema) });
export const EncounterEnvelopeSchema = z.object({ encounter: EncounterSchema });

/** The comparison schedule's mode for the period in force today (the next period is never told). */
export const ScheduleAssignmentSchema = z.object({
  assignment: z.object({ scheduleName: z.string(), mode: EncounterMode.schema, periodEnds: z.string() }).nullable(),
});

/** Comparison schedules (server/modules/followup/schedule-routes.ts). */
const ScheduleSchema = z.object({ id: Id, name: z.string(), description: z.string(), endedAt: Timestamp.nullable(), encounters: z.number(), overrides: z.number() });
export const ScheduleListSchema = z.object({ schedules: z.array(ScheduleSchema) });
export const ScheduleCreatedSchema = z.object({ schedule: z.object({ id: Id }) });
