import { useState } from 'react';
import type { ErrorKind, Mark } from '../../../../server/contracts/training';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { KIND_OPTIONS } from './kinds';
import type { DraftSelection } from './useDraftSelection';

/**
 * How a reviewer says what is wrong: select words in the draft with the
 * mouse (or type them and pick the heading, for keyboard users), choose the
 * kind, "Markera fel"; or write what is missing ("Saknas: …").
 */
export function MarkForm(p: { draft: readonly { heading: string; text: string }[]; selection: DraftSelection | null; onMark(mark: Mark): void; onClearSelection(): void }) {
  const [kind, setKind] = useState<ErrorKind>('number');
  const [words, setWords] = useState('');
  const [section, setSection] = useState('0');
  const [missing, setMissing] = useState('');
  const [missingSection, setMissingSection] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const sections = p.draft.map((s, i) => ({ value: String(i), label: s.heading }));

  const mark = () => {
    if (p.selection) {
      p.onMark({ type: 'span', section: p.selection.section, start: p.selection.start, end: p.selection.end, kind });
      p.onClearSelection();
      document.getSelection()?.removeAllRanges();
      return setProblem(null);
    }
    const text = p.draft[Number(section)]?.text ?? '';
    const at = words.trim() ? text.indexOf(words.trim()) : -1;
    if (at < 0) return setProblem(words.trim() ? 'Orden finns inte under den rubriken. Skriv dem exakt som i utkastet.' : 'Markera text i utkastet eller skriv orden här.');
    p.onMark({ type: 'span', section: Number(section), start: at, end: at + words.trim().length, kind });
    setWords('');
    setProblem(null);
  };
  const addMissing = () => {
    if (missing.trim().length < 2) return setProblem('Skriv vad som saknas.');
    p.onMark({ type: 'missing', section: missingSection === '' ? null : Number(missingSection), text: missing.trim() });
    setMissing('');
    setProblem(null);
  };

  return (
    <div className="mark-form">
      <h3>Markera ett fel</h3>
      <p className="muted" aria-live="polite">
        {p.selection ? (
          <>
            Markerat under {p.draft[p.selection.section]?.heading}: <q>{p.selection.text}</q>
          </>
        ) : (
          'Markera ord i utkastet med musen – eller skriv dem här och välj rubrik.'
        )}
      </p>
      {!p.selection && (
        <div className="form-grid">
          <TextField label="Ord att markera" value={words} onChange={setWords} />
          <SelectField label="Under rubrik" value={section} options={sections} onChange={setSection} />
        </div>
      )}
      <SelectField label="Typ av fel" value={kind} options={KIND_OPTIONS.filter((k) => k.value !== 'omission')} onChange={(v) => setKind(v as ErrorKind)} />
      <button type="button" onClick={mark}>
        Markera fel
      </button>
      <div className="form-grid">
        <TextField label="Saknas: …" hint="Något viktigt som sades men inte står i utkastet" value={missing} onChange={setMissing} />
        <SelectField label="Borde stå under" value={missingSection} options={sections} emptyLabel="(vet inte)" onChange={setMissingSection} />
      </div>
      <button type="button" className="secondary" onClick={addMissing}>
        Lägg till saknat
      </button>
      {problem && (
        <p role="alert" className="error-box">
          {problem}
        </p>
      )}
    </div>
  );
}
