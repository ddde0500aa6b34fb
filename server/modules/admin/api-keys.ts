import crypto from 'node:crypto';
import type { Request } from 'express';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';

/**
 * API keys for the OpenAI-compatible gateway (/v1/...), used by other
 * regional tools and by the hosted adapters' tests. Only a SHA-256 of the key
 * is stored; the key is shown once at creation.
 */
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function createApiKey(deps: AppDeps, name: string, createdById: string) {
  const key = `jv-${crypto.randomBytes(24).toString('base64url')}`;
  const row = await deps.db.prisma.apiKey.create({ data: { name, prefix: key.slice(0, 8), hash: sha256(key), createdById } });
  return { id: row.id, name: row.name, prefix: row.prefix, key };
}

/** OpenAI clients expect their own error shape; the gateway maps AppError to it. */
export async function authenticateApiKey(deps: AppDeps, req: Request): Promise<string> {
  const header = req.headers.authorization ?? '';
  const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!key) throw new AppError(401, 'invalid_api_key', 'API-nyckel saknas', 'Skicka Authorization: Bearer <nyckel>.');
  const row = await deps.db.prisma.apiKey.findUnique({ where: { hash: sha256(key) } });
  if (!row || row.revokedAt) throw new AppError(401, 'invalid_api_key', 'Ogiltig API-nyckel', 'Nyckeln finns inte eller är återkallad.');
  await deps.db.prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.id;
}
