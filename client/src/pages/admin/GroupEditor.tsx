import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/problem';
import type { AdminUser } from '../../../../server/contracts/api/admin';
import type { Group } from '../../../../server/contracts/api/organisation';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';

interface GroupEditorProps {
  group: Group;
  users: AdminUser[];
  busy: boolean;
  error: ApiError | null;
  onSave(patch: { name: string; memberIds: string[] }): void;
  onCancel(): void;
}

export function GroupEditor({ group, users, busy, error, onSave, onCancel }: GroupEditorProps) {
  const [name, setName] = useState(group.name);
  const [memberIds, setMemberIds] = useState(group.members.map((m) => m.id));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ name, memberIds });
  };
  return (
    <form className="panel" aria-label={`Ändra ${group.name}`} onSubmit={onSubmit} noValidate>
      <h3>Ändra {group.name}</h3>
      <TextField label="Namn" value={name} onChange={setName} required errors={error?.fieldMessages('name')} />
      <CheckboxGroup
        legend="Medlemmar"
        options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        selected={memberIds}
        onChange={setMemberIds}
        errors={error?.fieldMessages('memberIds')}
      />
      <ErrorMessage error={error} hideFields={['name', 'memberIds']} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Spara
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
