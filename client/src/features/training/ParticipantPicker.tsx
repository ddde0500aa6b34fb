import { useId, useState } from 'react';
import { FieldErrors } from '../../components/FieldErrors';

interface Person {
  id: string;
  displayName: string;
  profession: string | null;
}

const NO_PROFESSION = 'Utan yrkesgrupp';

/**
 * Participants of a training round: a region has dozens of clinicians, so
 * they are grouped by professional group, each group can be chosen whole,
 * and a search narrows the list by name. Chosen people stay chosen when the
 * search hides them; the count says how many are chosen in all.
 */
export function ParticipantPicker({ people, selected, onChange, errors = [] }: { people: readonly Person[]; selected: readonly string[]; onChange(ids: string[]): void; errors?: string[] }) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const needle = query.trim().toLocaleLowerCase('sv');
  const shown = people.filter((p) => needle === '' || p.displayName.toLocaleLowerCase('sv').includes(needle));
  const groups = new Map<string, Person[]>();
  for (const p of shown) groups.set(p.profession ?? NO_PROFESSION, [...(groups.get(p.profession ?? NO_PROFESSION) ?? []), p]);
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b, 'sv'));
  const toggle = (ids: string[], on: boolean) => onChange(on ? [...new Set([...selected, ...ids])] : selected.filter((id) => !ids.includes(id)));

  return (
    <fieldset className="field participant-picker">
      <legend>Deltagare</legend>
      <p className="hint" aria-live="polite">
        {selected.length} valda av {people.length}
      </p>
      <label htmlFor={searchId}>Sök deltagare</label>
      <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {people.length === 0 && <p className="muted">Inga att välja bland.</p>}
      {people.length > 0 && shown.length === 0 && <p className="muted">Ingen deltagare matchar sökningen.</p>}
      {sorted.map(([profession, members]) => {
        const ids = members.map((m) => m.id);
        const all = ids.every((id) => selected.includes(id));
        return (
          <fieldset key={profession} className="participant-group">
            <legend>{profession}</legend>
            <button type="button" className="small secondary" onClick={() => toggle(ids, !all)}>
              {all ? 'Avmarkera alla i gruppen' : 'Välj alla i gruppen'}
            </button>
            {members.map((m) => (
              <label key={m.id} className="checkbox">
                <input type="checkbox" checked={selected.includes(m.id)} onChange={(e) => toggle([m.id], e.target.checked)} />
                {m.displayName}
              </label>
            ))}
          </fieldset>
        );
      })}
      <FieldErrors id={`${searchId}-errors`} errors={errors} />
    </fieldset>
  );
}
