import type { Role } from '../../../server/contracts/roles';

/** Each role's home page, in the order the start page picks from. */
export interface Home {
  role: Role;
  path: string;
  label: string;
}

export const HOMES: readonly Home[] = [
  { role: 'clinician', path: '/anteckningar', label: 'Mina anteckningar' },
  { role: 'designer', path: '/samskapande', label: 'Samskapande' },
  { role: 'lead', path: '/uppfoljning', label: 'Uppföljning' },
  { role: 'admin', path: '/admin', label: 'Administration' },
];

export const homesFor = (roles: readonly Role[]): Home[] => HOMES.filter((home) => roles.includes(home.role));

export const LOGIN_PATH = '/logga-in';
export const CHANGE_PASSWORD_PATH = '/byt-losenord';
