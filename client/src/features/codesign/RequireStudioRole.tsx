import type { ReactNode } from 'react';
import { Forbidden } from '../../components/Forbidden';
import { useMe } from '../../session/SessionContext';

/** Designers work in the studio; leads and administrators oversee it (a lead overrides promotions here). */
export function RequireStudioRole({ children }: { children: ReactNode }) {
  const me = useMe();
  return me.roles.some((r) => r === 'designer' || r === 'lead' || r === 'admin') ? children : <Forbidden />;
}
