import { z } from 'zod';
import { RoleSchema } from '../../../server/contracts/roles';

/**
 * Response shapes of the /api/v1 endpoints the client uses, mirrored from the
 * handlers (server/modules/**). Shared domain schemas come from
 * server/contracts; these describe the HTTP envelopes around them.
 */
const Id = z.string().min(1);
const Timestamp = z.iso.datetime({ offset: true });
const Ref = z.object({ id: Id, name: z.string() });
const CodedRef = Ref.extend({ code: z.string() });

export const NoContentSchema = z.undefined();

export const MeSchema = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  mustChangePassword: z.boolean(),
  profession: CodedRef.nullable(),
  careUnit: CodedRef.nullable(),
  groups: z.array(Ref),
});
export type Me = z.infer<typeof MeSchema>;

export const OidcConfigSchema = z.object({ enabled: z.boolean(), label: z.string() });

export const EncounterModeSchema = z.enum(['ai', 'baseline']);
export type EncounterMode = z.infer<typeof EncounterModeSchema>;

export const EncounterSchema = z.object({
  id: Id,
  label: z.string(),
  mode: EncounterModeSchema,
  status: z.string(),
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

export const ProfessionSchema = CodedRef;
export type Profession = z.infer<typeof ProfessionSchema>;
export const ProfessionListSchema = z.object({ professions: z.array(ProfessionSchema) });
export const ProfessionEnvelopeSchema = z.object({ profession: ProfessionSchema });

export const CareUnitSchema = CodedRef;
export type CareUnit = z.infer<typeof CareUnitSchema>;
export const CareUnitListSchema = z.object({ careUnits: z.array(CareUnitSchema) });
export const CareUnitEnvelopeSchema = z.object({ careUnit: CareUnitSchema });

export const GroupSchema = z.object({
  id: Id,
  name: z.string(),
  profession: CodedRef,
  members: z.array(z.object({ id: Id, displayName: z.string() })),
});
export type Group = z.infer<typeof GroupSchema>;
export const GroupListSchema = z.object({ groups: z.array(GroupSchema) });
export const GroupCreatedSchema = z.object({ group: z.object({ id: Id, name: z.string() }) });

export const AdminUserSchema = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  sso: z.boolean(),
  roles: z.array(RoleSchema),
  profession: Ref.nullable(),
  careUnit: Ref.nullable(),
  hsaId: z.string().nullable(),
  groups: z.array(Ref),
  createdAt: Timestamp,
});
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const AdminUserListSchema = z.object({ users: z.array(AdminUserSchema) });
export const AdminUserEnvelopeSchema = z.object({ user: AdminUserSchema });
export const AdminUserCreatedSchema = z.object({ user: AdminUserSchema, oneTimePassword: z.string() });
export const OneTimePasswordSchema = z.object({ oneTimePassword: z.string() });

export const ApiKeySchema = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
export const ApiKeyListSchema = z.object({ apiKeys: z.array(ApiKeySchema) });
export const ApiKeyCreatedSchema = z.object({ id: Id, name: z.string(), prefix: z.string(), key: z.string() });

export const AuditEventSchema = z.object({
  at: Timestamp,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  careUnitId: z.string().nullable(),
  encounterId: z.string().nullable(),
  action: z.string(),
  kind: z.string(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  actionLabel: z.string(),
  kindLabel: z.string(),
  roleLabel: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditExtractSchema = z.object({ count: z.number().int(), events: z.array(AuditEventSchema) });
