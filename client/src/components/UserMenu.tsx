import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS_SV } from '../../../server/contracts/roles';
import type { Me } from '../../../server/contracts/api/auth';
import { Link } from 'react-router';
import { CHANGE_PASSWORD_PATH } from '../session/homes';
import { useSession } from '../session/SessionContext';

/** Name, roles and the two ways to sign out, behind one disclosure button. */
export function UserMenu({ me }: { me: Me }) {
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="secondary" aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen(!open)}>
        {me.displayName}
      </button>
      {open && (
        <div id="user-menu-panel" className="user-menu-panel">
          <p>
            <strong>{me.displayName}</strong>
            <br />
            <span className="muted">{me.username}</span>
          </p>
          <p className="muted">Roller: {me.roles.map((r) => ROLE_LABELS_SV[r]).join(', ') || 'inga'}</p>
          {me.profession && <p className="muted">Yrkesgrupp: {me.profession.name}</p>}
          {me.careUnit && <p className="muted">Vårdenhet: {me.careUnit.name}</p>}
          <div className="actions stacked">
            {!me.mustChangePassword && <Link to={CHANGE_PASSWORD_PATH}>Byt lösenord</Link>}
            <button type="button" onClick={() => void signOut(false)}>
              Logga ut
            </button>
            <button type="button" className="secondary" onClick={() => void signOut(true)}>
              Logga ut överallt
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
