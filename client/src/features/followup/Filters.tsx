import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FilterState } from './api';
import type { Dashboard } from '../../../../server/contracts/api/followup';

const GROUPINGS: { value: FilterState['groupBy']; label: string }[] = [
  { value: 'profession', label: 'Yrkesgrupp' },
  { value: 'noteType', label: 'Anteckningstyp' },
  { value: 'workflowVersion', label: 'Arbetssättets version' },
  { value: 'careUnit', label: 'Vårdenhet' },
  { value: 'month', label: 'Månad' },
];

/** Filters: profession, unit, workflow version, period, and what to group the time comparison by. */
export function Filters({ value, options, onChange }: { value: FilterState; options: Dashboard['options'] | undefined; onChange(next: FilterState): void }) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const versions = (options?.versions ?? []).filter((v) => !value.profession || v.professionId === value.profession);
  return (
    <form className="panel form-grid followup-filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Yrkesgrupp" value={value.profession} emptyLabel="Alla" options={(options?.professions ?? []).map((p) => ({ value: p.id, label: p.name }))} onChange={(profession) => set({ profession, version: '' })} />
      <SelectField label="Vårdenhet" value={value.unit} emptyLabel="Alla" options={(options?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} onChange={(unit) => set({ unit })} />
      <SelectField label="Version" value={value.version} emptyLabel="Alla" options={versions.map((v) => ({ value: v.id, label: v.label }))} onChange={(version) => set({ version })} />
      <TextField label="Från" type="date" value={value.from} onChange={(from) => set({ from })} />
      <TextField label="Till" type="date" value={value.to} onChange={(to) => set({ to })} />
      <SelectField label="Dela upp efter" value={value.groupBy} options={GROUPINGS} onChange={(groupBy) => set({ groupBy: groupBy as FilterState['groupBy'] })} />
    </form>
  );
}
