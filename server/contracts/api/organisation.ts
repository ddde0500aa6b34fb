import { z } from 'zod';
import { CodedRef, Id } from './common';

/** Answers of the organisation register (server/modules/admin/organisation.ts). */
const ProfessionSchema = CodedRef;
export type Profession = z.infer<typeof ProfessionSchema>;
export const ProfessionListSchema = z.object({ professions: z.array(ProfessionSchema) });
export const ProfessionEnvelopeSchema = z.object({ profession: ProfessionSchema });

const CareUnitSchema = CodedRef;
export type CareUnit = z.infer<typeof CareUnitSchema>;
export const CareUnitListSchema = z.object({ careUnits: z.array(CareUnitSchema) });
export const CareUnitEnvelopeSchema = z.object({ careUnit: CareUnitSchema });

const GroupSchema = z.object({
  id: Id,
  name: z.string(),
  profession: CodedRef,
  members: z.array(z.object({ id: Id, displayName: z.string() })),
});
export type Group = z.infer<typeof GroupSchema>;
export const GroupListSchema = z.object({ groups: z.array(GroupSchema) });
export const GroupCreatedSchema = z.object({ group: z.object({ id: Id, name: z.string() }) });
