import { request } from './client';
import { MeSchema, OidcConfigSchema, SessionSchema } from '../../../server/contracts/api/auth';
import { NoContentSchema } from '../../../server/contracts/api/common';

export const OIDC_START_URL = '/api/v1/auth/oidc/start';

export const login = (username: string, password: string) =>
  request('POST', '/auth/login', MeSchema, { body: { username, password }, expect401: true });

/** On page load: who is signed in, null when nobody is. Always 200 (a broken or expired cookie is no session), so no error in the console and nothing to expect. */
export const fetchSession = async () => (await request('GET', '/auth/session', SessionSchema)).me;

export const changePassword = (currentPassword: string, newPassword: string) =>
  request('POST', '/auth/password', NoContentSchema, { body: { currentPassword, newPassword } });

export const logout = () => request('POST', '/auth/logout', NoContentSchema, { expect401: true });
export const logoutEverywhere = () => request('POST', '/auth/logout-all', NoContentSchema, { expect401: true });

export const fetchOidcConfig = () => request('GET', '/auth/oidc/config', OidcConfigSchema);
