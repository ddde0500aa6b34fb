import type { Role } from '../../contracts/roles';

/**
 * The signed-in user as a request sees it: who, which roles, where they work
 * and which working groups they belong to. Its own file so that the access
 * log (audit) and the router can both name it without importing each other.
 */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  professionId: string | null;
  careUnitId: string | null;
  mustChangePassword: boolean;
  groupIds: string[];
  sessionId: string | null;
}
