import { useEffect, useState } from 'react';
import type { WorkflowSpec } from '../../../../server/contracts/workflow';
import { DecimalField } from '../../components/DecimalField';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { DRAFTER_LABELS } from '../../format/drafters';
import { getVersion, saveVersion } from './api';
import { fromLines, toLines } from './lines';
import { SectionsTable } from './SectionsTable';
import { STYLE_HINTS_HONOURED } from '../../../../server/contracts/engine-settings';

/**
 * Edits the latest version and saves the whole spec as a new version with a
 * message. If someone saved in between, the server answers 409 and the
 * message tells which version is now the latest; nothing is overwritten.
 * After a save the editor bases on the version just saved at once, not when
 * the page's reload lands: a second save in between would otherwise be
 * based on the version before and be refused (or, on an older server, drop
 * the first save's changes).
 */
export function WorkflowEditor({ workflowId, baseVersion, onSaved }: { workflowId: string; baseVersion: number; onSaved(): void }) {
  const version = useResource(() => getVersion(workflowId, baseVersion), [workflowId, baseVersion]);
  const [spec, setSpec] = useState<WorkflowSpec | null>(null);
  const [base, setBase] = useState(baseVersion);
  const [message, setMessage] = useState('');
  // sections whose typed "Max tecken" is no limit: nothing is saved until they are put right
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const setValidity = (key: string, valid: boolean) =>
    setInvalid((now) => {
      const next = new Set(now);
      if (valid) next.delete(key);
      else next.add(key);
      return next;
    });
  const save = useSubmit(saveVersion);
  const notify = useNotify();
  useEffect(() => {
    if (version.data) setSpec(version.data.spec);
  }, [version.data]);
  if (!spec) return <ErrorMessage error={version.error} />;
  const set = (patch: Partial<WorkflowSpec>) => setSpec({ ...spec, ...patch });
  const onSave = async () => {
    if (invalid.size > 0) return;
    const outcome = await save.run(workflowId, base, message, spec);
    if (!outcome.ok) return;
    setBase(outcome.value.version);
    setMessage('');
    notify(`Version ${outcome.value.version} är sparad.`);
    onSaved();
  };
  return (
    <section className="panel" aria-labelledby="editor-title">
      <h2 id="editor-title">Redigera (utgår från version {base})</h2>
      <p className="muted engine-legend">
        <strong>Vilka motorer använder vad?</strong> Alla motorer följer rubrikerna i deras ordning, ledorden och max tecken: den extraktiva
        motorn (ingen modell) väljer meningar ur samtalet med ledorden, lägger dem under rubrikerna i den ordning ni har satt och kortar till max
        tecken. Av stilen läser den extraktiva motorn bara antal meningar ({STYLE_HINTS_HONOURED.map((h) => `”${h}”`).join(', ')}); resten av stilen,
        instruktionerna, obligatorisk, ordlistorna och modellinställningarna används bara av AI-motorerna (lokal modell och extern tjänst).
      </p>
      <SectionsTable sections={spec.sections} onChange={(sections) => set({ sections })} onValidity={setValidity} />
      <div className="field">
        <label htmlFor="wf-instructions">Instruktioner till modellen</label>
        <p className="hint" id="wf-instructions-hint">Används av AI-motorerna, inte av den extraktiva.</p>
        <textarea id="wf-instructions" aria-describedby="wf-instructions-hint" rows={5} value={spec.instructions} onChange={(e) => set({ instructions: e.target.value })} />
      </div>
      <div className="columns">
        {(['terms', 'places', 'drugs'] as const).map((list) => (
          <div className="field" key={list}>
            <label htmlFor={`vocab-${list}`}>{{ terms: 'Termer', places: 'Platser', drugs: 'Läkemedel' }[list]} (ett per rad, AI-motorerna)</label>
            <textarea id={`vocab-${list}`} rows={4} value={toLines(spec.vocabulary[list])} onChange={(e) => set({ vocabulary: { ...spec.vocabulary, [list]: fromLines(e.target.value) } })} />
          </div>
        ))}
      </div>
      <div className="form-grid">
        <SelectField
          label="Utkastmotor"
          value={spec.model.provider}
          options={[
            { value: 'extractive', label: DRAFTER_LABELS.extractive },
            { value: 'local', label: DRAFTER_LABELS.local },
            { value: 'hosted', label: DRAFTER_LABELS.hosted },
          ]}
          onChange={(provider) => set({ model: { ...spec.model, provider: provider as WorkflowSpec['model']['provider'] } })}
        />
        <TextField label="Modell" hint="Lokal modell eller extern tjänst" value={spec.model.model} onChange={(model) => set({ model: { ...spec.model, model } })} />
        <DecimalField label="Temperatur (slumpmässighet, 0–2)" hint="AI-motorerna; 0 ger samma text varje gång" value={spec.model.temperature} onChange={(temperature) => set({ model: { ...spec.model, temperature } })} />
        <TextField label="Längsta svar (textenheter)" hint="AI-motorerna; en textenhet är ungefär 3–4 tecken" inputMode="numeric" value={String(spec.model.maxTokens)} onChange={(t) => set({ model: { ...spec.model, maxTokens: Number(t) } })} />
      </div>
      <TextField label="Vad ändrades? (meddelande)" value={message} onChange={setMessage} errors={save.error?.fieldMessages('message')} />
      <ErrorMessage error={save.error} hideFields={['message']} />
      {invalid.size > 0 && (
        <p className="error-box" role="alert">
          Rätta ”Max tecken” i tabellen ovan innan du sparar.
        </p>
      )}
      <button type="button" disabled={save.busy || message.trim().length < 3 || invalid.size > 0} onClick={() => void onSave()}>
        Spara som ny version
      </button>
    </section>
  );
}
