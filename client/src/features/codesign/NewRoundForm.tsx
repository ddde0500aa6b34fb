import { useState } from 'react';
import { useNavigate } from 'react-router';
import { RATING_ITEMS } from '../../../../server/contracts/pdqi';
import { listGroups } from '../../api/organisation';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { createRound } from './api';

const SHORT_ITEMS = 3;

/**
 * A blind rating round over the two chosen runs, with raters picked from the
 * group, on the full form (PDQI-9 and invented content, ten items per
 * version) or a short one for a quick round (which is better, plus three
 * items the creator picks).
 */
export function NewRoundForm({ groupId, runAId, runBId }: { groupId: string; runAId: string; runBId: string }) {
  const groups = useResource(listGroups, []);
  const members = groups.data?.groups.find((g) => g.id === groupId)?.members ?? [];
  const [name, setName] = useState('');
  const [raters, setRaters] = useState<string[]>([]);
  const [kind, setKind] = useState<'full' | 'short'>('full');
  const [items, setItems] = useState<string[]>([]);
  const create = useSubmit(createRound);
  const navigate = useNavigate();
  const shortReady = kind === 'full' || items.length === SHORT_ITEMS;
  const onCreate = async () => {
    const form = kind === 'full' ? { kind } : { kind, items };
    const outcome = await create.run(groupId, { name, runAId, runBId, raterIds: raters, form });
    if (outcome.ok) void navigate(`/bedomning/${outcome.value.round.id}/resultat`);
  };
  return (
    <div>
      <h3>Blind bedömning av de två körningarna</h3>
      <TextField label="Omgångens namn" value={name} onChange={setName} errors={create.error?.fieldMessages('name')} />
      <CheckboxGroup legend="Bedömare" options={members.map((m) => ({ value: m.id, label: m.displayName }))} selected={raters} onChange={setRaters} errors={create.error?.fieldMessages('raterIds')} />
      <fieldset className="field">
        <legend>Formulär</legend>
        <label className="checkbox">
          <input type="radio" name="round-form" checked={kind === 'full'} onChange={() => setKind('full')} />
          Fullständigt: PDQI-9 och påhittat innehåll, tio frågor per anteckning
        </label>
        <label className="checkbox">
          <input type="radio" name="round-form" checked={kind === 'short'} onChange={() => setKind('short')} />
          Kort: vilken anteckning som är bäst och tre frågor som du väljer
        </label>
      </fieldset>
      {kind === 'short' && (
        <CheckboxGroup
          legend={`Frågor i den korta formen (välj ${SHORT_ITEMS}, ${items.length} valda)`}
          options={RATING_ITEMS.map((i) => ({ value: i.key as string, label: `${i.label}: ${i.high.charAt(0).toLowerCase()}${i.high.slice(1)}` }))}
          selected={items}
          onChange={setItems}
          errors={[...(create.error?.fieldMessages('form') ?? []), ...(items.length > SHORT_ITEMS ? [`Välj högst ${SHORT_ITEMS} frågor.`] : [])]}
        />
      )}
      <ErrorMessage error={create.error} hideFields={['name', 'raterIds', 'form']} />
      <button type="button" disabled={create.busy || name.trim() === '' || raters.length === 0 || !shortReady} onClick={() => void onCreate()}>
        Starta bedömningsomgång
      </button>
    </div>
  );
}
