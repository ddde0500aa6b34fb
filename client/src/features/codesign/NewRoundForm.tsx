import { useState } from 'react';
import { useNavigate } from 'react-router';
import { listGroups } from '../../api/organisation';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { createRound } from './api';

/** A blind rating round over the two chosen runs, with raters picked from the group. */
export function NewRoundForm({ groupId, runAId, runBId }: { groupId: string; runAId: string; runBId: string }) {
  const groups = useResource(listGroups, []);
  const members = groups.data?.groups.find((g) => g.id === groupId)?.members ?? [];
  const [name, setName] = useState('');
  const [raters, setRaters] = useState<string[]>([]);
  const create = useSubmit(createRound);
  const navigate = useNavigate();
  const onCreate = async () => {
    const outcome = await create.run(groupId, { name, runAId, runBId, raterIds: raters });
    if (outcome.ok) void navigate(`/bedomning/${outcome.value.round.id}/resultat`);
  };
  return (
    <div>
      <h3>Blind bedömning av de två körningarna</h3>
      <TextField label="Omgångens namn" value={name} onChange={setName} errors={create.error?.fieldMessages('name')} />
      <CheckboxGroup legend="Bedömare" options={members.map((m) => ({ value: m.id, label: m.displayName }))} selected={raters} onChange={setRaters} errors={create.error?.fieldMessages('raterIds')} />
      <ErrorMessage error={create.error} hideFields={['name', 'raterIds']} />
      <button type="button" disabled={create.busy || name.trim() === '' || raters.length === 0} onClick={() => void onCreate()}>
        Starta bedömningsomgång
      </button>
    </div>
  );
}
