import type { ReactNode } from 'react';
import type { Role } from '../../../server/contracts/roles';
import { Forbidden } from '../components/Forbidden';
import { useMe } from './SessionContext';

/** The client-side twin of the server's role check, so a wrong role sees why rather than a failed request. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const me = useMe();
  return me.roles.includes(role) ? children : <Forbidden />;
}
