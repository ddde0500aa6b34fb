import { useState } from 'react';
import { listUsers } from '../../api/admin';
import { createGroup, updateGroup } from '../../api/organisation';
import type { Group } from '../../../../server/contracts/api/organisation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { GroupEditor } from './GroupEditor';
import { NewGroupForm } from './NewGroupForm';
import { useOrganisation } from './useOrganisation';

export function GroupsTab() {
  const organisation = useOrganisation();
  const users = useResource(listUsers, []);
  const notify = useNotify();
  const [editing, setEditing] = useState<Group | null>(null);
  const create = useSubmit(createGroup);
  const update = useSubmit(updateGroup);

  const onCreate = async (name: string, professionId: string) => {
    const outcome = await create.run(name, professionId);
    if (!outcome.ok) return false;
    notify(`Arbetsgruppen ${outcome.value.group.name} är tillagd.`);
    organisation.reload();
    return true;
  };
  const onSave = async (group: Group, patch: { name: string; memberIds: string[] }) => {
    if (!(await update.run(group.id, patch)).ok) return;
    setEditing(null);
    notify('Arbetsgruppen är sparad.');
    organisation.reload();
  };

  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">Arbetsgrupper</h2>
      {organisation.loading && !organisation.data && <Loading />}
      <ErrorMessage error={organisation.error ?? users.error} />
      {editing && users.data && (
        <GroupEditor key={editing.id} group={editing} users={users.data.users} busy={update.busy} error={update.error} onSave={(patch) => void onSave(editing, patch)} onCancel={() => setEditing(null)} />
      )}
      <ul className="plain-list">
        {organisation.data?.groups.map((g) => (
          <li key={g.id}>
            <span>
              <strong>{g.name}</strong> <span className="muted">· {g.profession.name} · {g.members.length} {g.members.length === 1 ? 'medlem' : 'medlemmar'}</span>
            </span>
            <button type="button" className="secondary small" onClick={() => setEditing(g)} aria-label={`Ändra ${g.name}`}>
              Ändra
            </button>
          </li>
        ))}
      </ul>
      {organisation.data && <NewGroupForm professions={organisation.data.professions} busy={create.busy} error={create.error} onCreate={onCreate} />}
    </section>
  );
}
