import type { Role } from '../../../server/contracts/roles';

/** Each role's home page, in the order the start page picks from. */
export interface Home {
  role: Role;
  path: string;
  label: string;
  /** Other roles that reach this page from the menu without it being their home (a lead oversees the studio and passes the gate there). */
  alsoFor?: readonly Role[];
}

export const HOMES: readonly Home[] = [
  { role: 'clinician', path: '/anteckningar', label: 'Mina anteckningar' },
  { role: 'designer', path: '/samskapande', label: 'Samskapande', alsoFor: ['lead'] },
  { role: 'lead', path: '/uppfoljning', label: 'Uppföljning' },
  { role: 'admin', path: '/admin', label: 'Administration' },
];

/** The menu: every page the roles open, in HOMES order. */
export const homesFor = (roles: readonly Role[]): Home[] =>
  HOMES.filter((home) => roles.includes(home.role) || home.alsoFor?.some((r) => roles.includes(r)));

/** The start page: the first page that is one of the roles' own home. */
export const startHomeFor = (roles: readonly Role[]): Home | undefined => HOMES.find((home) => roles.includes(home.role));

export const LOGIN_PATH = '/logga-in';
export const CHANGE_PASSWORD_PATH = '/byt-losenord';
