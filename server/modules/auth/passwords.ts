import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/** scrypt with a per-hash cost, so the cost can rise without breaking old hashes. */
export async function hashPassword(password: string, logN = 15): Promise<string> {
  const salt = crypto.randomBytes(16);
  const N = 2 ** logN;
  const hash = await scrypt(password, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return `scrypt$${logN}$8$1$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !hash) return false;
  const N = 2 ** Number(logN);
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) });
  return crypto.timingSafeEqual(actual, expected);
}

const decoys = new Map<number, Promise<string>>();

/**
 * A hash of a random password at the configured cost, made once per process:
 * checked against when the username is unknown (or has no password), so a
 * failed login costs the same scrypt work either way.
 */
export function decoyHash(logN: number): Promise<string> {
  let decoy = decoys.get(logN);
  if (!decoy) {
    decoy = hashPassword(crypto.randomBytes(16).toString('base64url'), logN);
    decoys.set(logN, decoy);
  }
  return decoy;
}

/** A readable one-time password: 4 groups of 4 from an unambiguous alphabet. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Minimum rules a new password must meet; Swedish messages for the UI. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('Lösenordet måste ha minst 12 tecken.');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('Lösenordet får inte innehålla användarnamnet.');
  if (new Set(password).size < 5) problems.push('Lösenordet har för få olika tecken.');
  return problems;
}
