import { useState } from 'react';
import { createUser, listUsers, resetPassword, updateUser } from '../../api/admin';
import type { AdminUser } from '../../../../server/contracts/api/admin';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { TRAINING_RECORD_URL } from '../../features/training/api';
import { UserForm, type UserFormValues } from './UserForm';
import { UserTable } from './UserTable';
import { useOrganisation } from './useOrganisation';

async function saveUser(editing: AdminUser | null, { username, active, ...fields }: UserFormValues) {
  if (editing) return { user: (await updateUser(editing.id, { ...fields, active })).user, oneTimePassword: null };
  return createUser({ ...fields, username });
}

export function UsersTab() {
  const users = useResource(listUsers, []);
  const organisation = useOrganisation();
  const notify = useNotify();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const save = useSubmit(saveUser);
  const reset = useSubmit(resetPassword);

  const onSave = async (values: UserFormValues) => {
    const outcome = await save.run(editing === 'new' ? null : editing, values);
    if (!outcome.ok) return;
    const { user, oneTimePassword } = outcome.value;
    setEditing(null);
    if (oneTimePassword) setSecret({ label: `Engångslösenord för ${user.username}`, value: oneTimePassword });
    notify(oneTimePassword ? `Användaren ${user.username} är skapad.` : `Användaren ${user.username} är sparad.`);
    users.reload();
  };

  const onReset = async (user: AdminUser) => {
    if (!window.confirm(`Ge ${user.username} ett nytt engångslösenord? Användarens sessioner avslutas.`)) return;
    const outcome = await reset.run(user.id);
    if (outcome.ok) setSecret({ label: `Nytt engångslösenord för ${user.username}`, value: outcome.value.oneTimePassword });
    users.reload();
  };

  return (
    <section aria-labelledby="users-title">
      <div className="section-head">
        <h2 id="users-title">Användare</h2>
        {editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            Ny användare
          </button>
        )}
      </div>
      {secret && <OneTimeSecret label={secret.label} value={secret.value} onDone={() => setSecret(null)} />}
      <ErrorMessage error={reset.error ?? organisation.error} />
      {editing !== null && organisation.data && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? undefined : editing}
          organisation={organisation.data}
          error={save.error}
          busy={save.busy}
          onSave={(values) => void onSave(values)}
          onCancel={() => {
            save.setError(null);
            setEditing(null);
          }}
        />
      )}
      {users.loading && !users.data && <Loading />}
      <ErrorMessage error={users.error} />
      {users.data && <UserTable users={users.data.users} onEdit={setEditing} onResetPassword={(u) => void onReset(u)} />}
      <p>
        <a className="button secondary" href={TRAINING_RECORD_URL} download>
          Exportera AI-kunnighet (CSV): vem som genomfört granskningsträning och när
        </a>
      </p>
    </section>
  );
}
