import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { localMinute } from '../../format/dates';
import type { Workspace } from './api';

/**
 * Fields shared by the ways a note starts (pasted transcript, drafting, a
 * note written without AI), so they read and behave the same everywhere.
 */

/** When the consultation ended: where the total time to a signed note starts. */
export function ConsultationEndedField({ value, onChange, hint, errors }: { value: string; onChange(value: string): void; hint: string; errors?: string[] }) {
  return <TextField label="Besöket slutade" type="datetime-local" value={value} onChange={onChange} max={localMinute(new Date())} hint={hint} errors={errors} />;
}

/** The clinician's workflow versions; empty = the profession's produktion version. */
export function WorkflowField({ workspace, label, value, onChange }: { workspace: Workspace; label: string; value: string; onChange(value: string): void }) {
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={workspace.workflows.map((w) => ({ value: w.versionId, label: `${w.name} – ${w.label}${w.version ? ` (v${w.version})` : ''}` }))}
      emptyLabel="Standard för min yrkesgrupp"
    />
  );
}
