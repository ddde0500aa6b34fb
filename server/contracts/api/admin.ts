import { z } from 'zod';
import { RoleSchema } from '../roles';
import { Id, Ref, Timestamp } from './common';

/** Answers of user and API-key administration (server/modules/admin). */
const AdminUserSchema = z.object({
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

const ApiKeySchema = z.object({
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
