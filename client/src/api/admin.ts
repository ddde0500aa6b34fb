import type { Role } from '../../../server/contracts/roles';
import { API_BASE, request } from './client';
import { AdminUserCreatedSchema, AdminUserEnvelopeSchema, AdminUserListSchema, ApiKeyCreatedSchema, ApiKeyListSchema, OneTimePasswordSchema } from '../../../server/contracts/api/admin';
import { AuditExtractSchema } from '../../../server/contracts/api/audit';
import { NoContentSchema } from '../../../server/contracts/api/common';

const id = (value: string) => encodeURIComponent(value);

export interface UserFields {
  displayName: string;
  roles: Role[];
  professionId: string | null;
  careUnitId: string | null;
  hsaId: string | null;
  groupIds: string[];
}

export const listUsers = () => request('GET', '/admin/users', AdminUserListSchema);
export const createUser = (fields: UserFields & { username: string }) =>
  request('POST', '/admin/users', AdminUserCreatedSchema, { body: fields });
export const updateUser = (userId: string, fields: Partial<UserFields> & { active?: boolean }) =>
  request('PATCH', `/admin/users/${id(userId)}`, AdminUserEnvelopeSchema, { body: fields });
export const resetPassword = (userId: string) => request('POST', `/admin/users/${id(userId)}/reset-password`, OneTimePasswordSchema);

export const listApiKeys = () => request('GET', '/admin/api-keys', ApiKeyListSchema);
export const createApiKey = (name: string) => request('POST', '/admin/api-keys', ApiKeyCreatedSchema, { body: { name } });
export const revokeApiKey = (keyId: string) => request('DELETE', `/admin/api-keys/${id(keyId)}`, NoContentSchema);

export interface AuditQuery {
  encounterId?: string;
  userId?: string;
  from?: string;
  to?: string;
}

function auditSearch(query: AuditQuery, format: 'json' | 'csv'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  params.set('format', format);
  return params.toString();
}

export const fetchAudit = (query: AuditQuery) => request('GET', `/admin/audit?${auditSearch(query, 'json')}`, AuditExtractSchema);
/** The CSV is a plain download link: the browser sends the session cookie itself. */
export const auditCsvUrl = (query: AuditQuery) => `${API_BASE}/admin/audit?${auditSearch(query, 'csv')}`;
