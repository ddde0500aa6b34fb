import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/problem';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';

interface RenameFormProps {
  label: string;
  initial: string;
  busy: boolean;
  error: ApiError | null;
  onSave(name: string): void;
  onCancel(): void;
}

export function RenameForm({ label, initial, busy, error, onSave, onCancel }: RenameFormProps) {
  const [name, setName] = useState(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(name);
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <TextField label={label} value={name} onChange={setName} required errors={error?.fieldMessages('name')} />
      <ErrorMessage error={error} hideFields={['name']} />
      <div className="actions">
        <button type="submit" className="small" disabled={busy}>
          Spara
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
