import { useId, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { pasteTranscript } from './api';

/** Paste the consultation as speaker turns, one "Talare: text" per line. */
export function PasteTranscript({ encounterId, onSaved }: { encounterId: string; onSaved(): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = useSubmit(pasteTranscript);
  return (
    <form
      className="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await submit.run(encounterId, text)).ok) onSaved();
      }}
    >
      <h2>Transkript</h2>
      <div className="field">
        <label htmlFor={id}>Klistra in samtalet</label>
        <p className="hint" id={`${id}-hint`}>
          En talartur per rad, t.ex. "Läkare: Vad kan jag hjälpa dig med?"
        </p>
        <textarea id={id} aria-describedby={`${id}-hint`} rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorMessage error={submit.error} />
      <button type="submit" disabled={submit.busy || text.trim() === ''}>
        Spara transkript
      </button>
    </form>
  );
}
