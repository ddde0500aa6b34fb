import { request } from './client';
import { MeSchema, OidcConfigSchema } from '../../../server/contracts/api/auth';
import { NoContentSchema } from '../../../server/contracts/api/common';

export const OIDC_START_URL = '/api/v1/auth/oidc/start';

export const login = (username: string, password: string) =>
  request('POST', '/auth/login', MeSchema, { body: { username, password }, expect401: true });

/** On page load a 401 just means "not signed in yet". */
export const fetchMe = (options: { initial?: boolean } = {}) => request('GET', '/auth/me', MeSchema, { expect401: options.initial });

export const changePassword = (currentPassword: string, newPassword: string) =>
  request('POST', '/auth/password', NoContentSchema, { body: { currentPassword, newPassword } });

export const logout = () => request('POST', '/auth/logout', NoContentSchema, { expect401: true });
export const logoutEverywhere = () => request('POST', '/auth/logout-all', NoContentSchema, { expect401: true });

export const fetchOidcConfig = () => request('GET', '/auth/oidc/config', OidcConfigSchema);
