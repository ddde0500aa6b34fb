import { useRef, useState } from 'react';
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
  // what is missing, under the field that needs it; the field takes the focus so the message is never off-screen
  const [wordsProblem, setWordsProblem] = useState<string>();
  const [missingProblem, setMissingProblem] = useState<string>();
  const wordsBox = useRef<HTMLDivElement>(null);
  const missingBox = useRef<HTMLDivElement>(null);
  const focusIn = (box: React.RefObject<HTMLDivElement | null>) => box.current?.querySelector('input')?.focus();
  const sections = p.draft.map((s, i) => ({ value: String(i), label: s.heading }));

  const mark = () => {
    if (p.selection) {
      p.onMark({ type: 'span', section: p.selection.section, start: p.selection.start, end: p.selection.end, kind });
      p.onClearSelection();
      document.getSelection()?.removeAllRanges();
      return setWordsProblem(undefined);
    }
    const typed = words.trim();
    const text = p.draft[Number(section)]?.text ?? '';
    const at = typed ? text.indexOf(typed) : -1;
    if (at < 0) {
      setWordsProblem(
        typed
          ? `Orden finns inte under ”${p.draft[Number(section)]?.heading ?? ''}”. Skriv dem exakt som i utkastet, eller välj en annan rubrik.`
          : 'Inget att markera än: markera ord i utkastet med musen, eller skriv dem här och välj rubrik.',
      );
      return focusIn(wordsBox);
    }
    p.onMark({ type: 'span', section: Number(section), start: at, end: at + typed.length, kind });
    setWords('');
    setWordsProblem(undefined);
  };
  const addMissing = () => {
    if (missing.trim().length < 2) {
      setMissingProblem('Skriv vad som saknas i utkastet, till exempel det patienten sa om sin allergi.');
      return focusIn(missingBox);
    }
    p.onMark({ type: 'missing', section: missingSection === '' ? null : Number(missingSection), text: missing.trim() });
    setMissing('');
    setMissingProblem(undefined);
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
        <div className="form-grid" ref={wordsBox}>
          <TextField label="Ord att markera" value={words} onChange={setWords} errors={wordsProblem ? [wordsProblem] : []} />
          <SelectField label="Under rubrik" value={section} options={sections} onChange={setSection} />
        </div>
      )}
      <SelectField label="Typ av fel" value={kind} options={KIND_OPTIONS.filter((k) => k.value !== 'omission')} onChange={(v) => setKind(v as ErrorKind)} />
      <button type="button" onClick={mark}>
        Markera fel
      </button>
      <div className="form-grid" ref={missingBox}>
        <TextField label="Saknas: …" hint="Något viktigt som sades men inte står i utkastet" value={missing} onChange={setMissing} errors={missingProblem ? [missingProblem] : []} />
        <SelectField label="Borde stå under" value={missingSection} options={sections} emptyLabel="(vet inte)" onChange={setMissingSection} />
      </div>
      <button type="button" className="secondary" onClick={addMissing}>
        Lägg till saknat
      </button>
    </div>
  );
}
