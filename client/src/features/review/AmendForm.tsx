import { useId, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { amendNote, type SignedNote } from './api';

/**
 * "Ändra" a signed note: the latest version's text under each heading,
 * editable, and a reason that is required (it is kept with the new version
 * and shown in the history). Saving signs a new version in the user's name;
 * the earlier versions stay as they were.
 */
export function AmendForm({ encounterId, note, onAmended, onCancel }: { encounterId: string; note: SignedNote; onAmended(): void; onCancel(): void }) {
  const id = useId();
  const [texts, setTexts] = useState(() => note.sections.map((s) => s.text));
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const submit = useSubmit(amendNote);
  const changed = texts.some((t, i) => t.trim() !== (note.sections[i]?.text ?? '').trim());
  const send = async () => {
    if (!reason.trim()) return setMissingReason(true);
    const sections = note.sections.map((s, i) => ({ heading: s.heading, text: texts[i] ?? '' }));
    if ((await submit.run(encounterId, note.version, { sections, reason })).ok) onAmended();
  };
  return (
    <form
      className="panel amend-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id={`${id}-title`}>Ändra signerad anteckning (version {note.version})</h2>
      <p className="muted">Ändringen signeras som version {note.version + 1} i ditt namn. Tidigare versioner finns kvar.</p>
      {note.sections.map((s, i) => (
        <div className="field" key={`${s.heading}-${i}`}>
          <label htmlFor={`${id}-${i}`}>{s.heading}</label>
          <textarea id={`${id}-${i}`} rows={Math.max(2, Math.ceil((texts[i] ?? '').length / 60))} value={texts[i] ?? ''} onChange={(e) => setTexts((all) => all.map((t, k) => (k === i ? e.target.value : t)))} />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Orsak till ändringen (krävs)</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          aria-invalid={missingReason || undefined}
          aria-describedby={missingReason ? `${id}-reason-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissingReason(false);
          }}
        />
        {missingReason && (
          <ul className="field-errors" id={`${id}-reason-error`}>
            <li>Ange varför anteckningen ändras.</li>
          </ul>
        )}
      </div>
      <ErrorMessage error={submit.error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy || !changed}>
          Signera ändringen
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
        {!changed && <span className="muted">Ändra texten under någon rubrik först.</span>}
      </div>
    </form>
  );
}
