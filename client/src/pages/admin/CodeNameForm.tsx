import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/problem';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';

interface CodeNameFormProps {
  title: string;
  busy: boolean;
  error: ApiError | null;
  /** resolves true when saved, so the form can clear itself */
  onCreate(code: string, name: string): Promise<boolean>;
}

/** Professions and care units are both created from a stable code and a display name. */
export function CodeNameForm({ title, busy, error, onCreate }: CodeNameFormProps) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await onCreate(code, name))) return;
    setCode('');
    setName('');
  };
  return (
    <form className="panel" aria-label={title} onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{title}</h3>
      <div className="form-grid">
        <TextField label="Kod" hint="Små bokstäver a–z, siffror och bindestreck; ändras inte senare." value={code} onChange={setCode} required errors={error?.fieldMessages('code')} />
        <TextField label="Namn" value={name} onChange={setName} required errors={error?.fieldMessages('name')} />
      </div>
      <ErrorMessage error={error} hideFields={['code', 'name']} />
      <button type="submit" disabled={busy}>
        Lägg till
      </button>
    </form>
  );
}
