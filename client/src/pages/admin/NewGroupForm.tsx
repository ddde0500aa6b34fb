import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/problem';
import type { Profession } from '../../../../server/contracts/api/organisation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

interface NewGroupFormProps {
  professions: Profession[];
  busy: boolean;
  error: ApiError | null;
  onCreate(name: string, professionId: string): Promise<boolean>;
}

export function NewGroupForm({ professions, busy, error, onCreate }: NewGroupFormProps) {
  const [name, setName] = useState('');
  const [professionId, setProfessionId] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate(name, professionId)) setName('');
  };
  return (
    <form className="panel" aria-label="Ny arbetsgrupp" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>Ny arbetsgrupp</h3>
      <div className="form-grid">
        <TextField label="Namn" value={name} onChange={setName} required errors={error?.fieldMessages('name')} />
        <SelectField
          label="Yrkesgrupp"
          value={professionId}
          emptyLabel="Välj yrkesgrupp"
          required
          options={professions.map((p) => ({ value: p.id, label: p.name }))}
          onChange={setProfessionId}
          errors={error?.fieldMessages('professionId')}
        />
      </div>
      <ErrorMessage error={error} hideFields={['name', 'professionId']} />
      <button type="submit" disabled={busy}>
        Lägg till
      </button>
    </form>
  );
}
