import { useId, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { localMinute } from '../../format/dates';
import { useSubmit } from '../../hooks/useSubmit';
import { pasteTranscript, sendTimeEvents } from './api';
import { ConsultationEndedField } from './fields';

/**
 * The end of the consultation is stated first: it is where "total time per
 * note" starts for a pasted transcript, and the server's check of the time
 * (not in the future, not days ago) should stop the save before anything is stored.
 */
async function savePasted(encounterId: string, text: string, endedAt: string) {
  if (endedAt) await sendTimeEvents(encounterId, [{ kind: 'consultation_ended', at: new Date(endedAt).toISOString() }]);
  return pasteTranscript(encounterId, text);
}

/** Paste the consultation as speaker turns, one "Talare: text" per line, with when it ended. */
export function PasteTranscript({ encounterId, onSaved }: { encounterId: string; onSaved(): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [endedAt, setEndedAt] = useState(() => localMinute(new Date()));
  const submit = useSubmit(savePasted);
  return (
    <form
      className="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await submit.run(encounterId, text, endedAt)).ok) onSaved();
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
      <ConsultationEndedField
        value={endedAt}
        onChange={setEndedAt}
        hint="Valfritt. Används för att mäta tiden från besökets slut till signerad anteckning."
        errors={submit.error?.fieldMessages('events')}
      />
      <ErrorMessage error={submit.error} hideFields={['events']} />
      <button type="submit" disabled={submit.busy || text.trim() === ''}>
        Spara transkript
      </button>
    </form>
  );
}
