import { useState, type FormEvent } from 'react';
import { ALL_ROLES, ROLE_LABELS_SV, type Role } from '../../../../server/contracts/roles';
import type { UserFields } from '../../api/admin';
import type { ApiError } from '../../api/problem';
import type { AdminUser } from '../../../../server/contracts/api/admin';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { Organisation } from './useOrganisation';

export type UserFormValues = UserFields & { username: string; active: boolean };

interface UserFormProps {
  /** the user being edited; absent when creating */
  user?: AdminUser;
  organisation: Organisation;
  error: ApiError | null;
  busy: boolean;
  onSave(values: UserFormValues): void;
  onCancel(): void;
}

const initialValues = (user?: AdminUser): UserFormValues => ({
  username: user?.username ?? '',
  displayName: user?.displayName ?? '',
  roles: user?.roles ?? ['clinician'],
  professionId: user?.profession?.id ?? null,
  careUnitId: user?.careUnit?.id ?? null,
  hsaId: user?.hsaId ?? null,
  groupIds: user?.groups.map((g) => g.id) ?? [],
  active: user?.active ?? true,
});

/** Create and edit share one form; the username is fixed once created. */
export function UserForm({ user, organisation, error, busy, onSave, onCancel }: UserFormProps) {
  const [values, setValues] = useState(() => initialValues(user));
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const fieldErrors = (name: string) => error?.fieldMessages(name);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(values);
  };
  const title = user ? `Ändra ${user.username}` : 'Ny användare';

  return (
    <form className="panel" aria-label={title} onSubmit={onSubmit} noValidate>
      <h2>{title}</h2>
      <div className="form-grid">
        {!user && <TextField label="Användarnamn" value={values.username} onChange={(v) => set('username', v)} autoComplete="off" required errors={fieldErrors('username')} />}
        <TextField label="Namn" value={values.displayName} onChange={(v) => set('displayName', v)} autoComplete="off" required errors={fieldErrors('displayName')} />
        <SelectField
          label="Yrkesgrupp"
          value={values.professionId ?? ''}
          emptyLabel="Ingen"
          options={organisation.professions.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => set('professionId', v || null)}
          errors={fieldErrors('professionId')}
        />
        <SelectField
          label="Vårdenhet"
          value={values.careUnitId ?? ''}
          emptyLabel="Ingen"
          options={organisation.careUnits.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v) => set('careUnitId', v || null)}
          errors={fieldErrors('careUnitId')}
        />
        <TextField
          label="HSA-id (valfritt)"
          hint="Står som författarens id i FHIR-exporten, t.ex. SE2321000016-1234."
          value={values.hsaId ?? ''}
          onChange={(v) => set('hsaId', v.trim() ? v : null)}
          autoComplete="off"
          errors={fieldErrors('hsaId')}
        />
      </div>
      <CheckboxGroup<Role> legend="Roller" options={ALL_ROLES.map((r) => ({ value: r, label: ROLE_LABELS_SV[r] }))} selected={values.roles} onChange={(v) => set('roles', v)} errors={fieldErrors('roles')} />
      <CheckboxGroup
        legend="Arbetsgrupper"
        options={organisation.groups.map((g) => ({ value: g.id, label: g.name }))}
        selected={values.groupIds}
        onChange={(v) => set('groupIds', v)}
        errors={fieldErrors('groupIds')}
      />
      {user && (
        <label className="checkbox">
          <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
          Kontot är aktivt
        </label>
      )}
      <ErrorMessage error={error} hideFields={['username', 'displayName', 'professionId', 'careUnitId', 'hsaId', 'roles', 'groupIds']} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {user ? 'Spara' : 'Skapa användare'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
