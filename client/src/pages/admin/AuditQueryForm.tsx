import { useState, type FormEvent } from 'react';
import type { AuditQuery } from '../../api/admin';
import type { ApiError } from '../../api/problem';
import type { AdminUser } from '../../../../server/contracts/api/admin';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

interface AuditQueryFormProps {
  users: AdminUser[];
  busy: boolean;
  error: ApiError | null;
  onSearch(query: AuditQuery): void;
}

/** An extract is for one encounter (a patient's request) or one user (a supervisor's check). */
export function AuditQueryForm({ users, busy, error, onSearch }: AuditQueryFormProps) {
  const [subject, setSubject] = useState<'encounter' | 'user'>('encounter');
  const [encounterId, setEncounterId] = useState('');
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fieldErrors = (name: string) => error?.fieldMessages(name) ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...(subject === 'encounter' ? { encounterId: encounterId.trim() } : { userId }), from, to });
  };

  return (
    <form className="panel" aria-label="Sök i åtkomstloggen" onSubmit={onSubmit} noValidate>
      <fieldset className="field">
        <legend>Utdrag för</legend>
        <label className="checkbox">
          <input type="radio" name="subject" checked={subject === 'encounter'} onChange={() => setSubject('encounter')} />
          Ett besök
        </label>
        <label className="checkbox">
          <input type="radio" name="subject" checked={subject === 'user'} onChange={() => setSubject('user')} />
          En användare
        </label>
      </fieldset>
      <div className="form-grid">
        {subject === 'encounter' ? (
          <TextField label="Besökets id" value={encounterId} onChange={setEncounterId} required errors={fieldErrors('encounterId')} />
        ) : (
          <SelectField
            label="Användare"
            value={userId}
            emptyLabel="Välj användare"
            required
            options={users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            onChange={setUserId}
            errors={[...fieldErrors('userId'), ...fieldErrors('encounterId')]}
          />
        )}
        <TextField label="Från och med" type="date" value={from} onChange={setFrom} errors={fieldErrors('from')} />
        <TextField label="Till och med" type="date" value={to} onChange={setTo} errors={fieldErrors('to')} />
      </div>
      <button type="submit" disabled={busy}>
        Visa utdrag
      </button>
    </form>
  );
}
