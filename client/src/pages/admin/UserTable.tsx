import { ROLE_LABELS_SV } from '../../../../server/contracts/roles';
import type { AdminUser } from '../../../../server/contracts/api/admin';
import { TableScroll } from '../../components/TableScroll';

interface UserTableProps {
  users: AdminUser[];
  onEdit(user: AdminUser): void;
  onResetPassword(user: AdminUser): void;
}

export function UserTable({ users, onEdit, onResetPassword }: UserTableProps) {
  return (
    // cards on a phone: an administrator looks up one person and acts on them; pinning the first
    // column (name and buttons) would leave no room for the rest
    <TableScroll>
      <table className="cards">
        <caption className="visually-hidden">Användare</caption>
        <thead>
          <tr>
            <th scope="col">Användare</th>
            <th scope="col">Roller</th>
            <th scope="col">Yrkesgrupp</th>
            <th scope="col">Vårdenhet</th>
            <th scope="col">Arbetsgrupper</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'inactive'}>
              <td>
                <span className="cell-title" translate="no">
                  {u.username}
                </span>
                <span className="muted">{u.displayName}</span>
                <div className="row-actions">
                  <button type="button" className="secondary small" onClick={() => onEdit(u)} aria-label={`Ändra ${u.username}`}>
                    Ändra
                  </button>
                  {!u.sso && (
                    <button type="button" className="secondary small" onClick={() => onResetPassword(u)} aria-label={`Nytt lösenord för ${u.username}`}>
                      Nytt lösenord
                    </button>
                  )}
                </div>
              </td>
              <td data-label="Roller">{u.roles.map((r) => ROLE_LABELS_SV[r]).join(', ')}</td>
              <td data-label="Yrkesgrupp">{u.profession?.name ?? '–'}</td>
              <td data-label="Vårdenhet">{u.careUnit?.name ?? '–'}</td>
              <td data-label="Arbetsgrupper">{u.groups.map((g) => g.name).join(', ') || '–'}</td>
              <td data-label="Status">{!u.active ? 'Inaktiv' : u.mustChangePassword ? 'Engångslösenord' : 'Aktiv'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
