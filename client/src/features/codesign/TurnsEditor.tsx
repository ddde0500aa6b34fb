import type { TestCase } from '../../../../server/contracts/testcase';
import { move, removeAt, replaceAt } from './testcase-form';

type Turn = TestCase['turns'][number];

/** The consultation as speaker turns: edit, add, remove and reorder. */
export function TurnsEditor({ turns, onChange }: { turns: Turn[]; onChange(turns: Turn[]): void }) {
  return (
    <fieldset>
      <legend>Samtalet ({turns.length} repliker)</legend>
      <ol className="turns-editor">
        {turns.map((turn, i) => {
          const n = i + 1;
          return (
            <li key={i}>
              <div className="field">
                <label htmlFor={`turn-speaker-${i}`}>Talare, replik {n}</label>
                <input id={`turn-speaker-${i}`} value={turn.speaker} maxLength={40} onChange={(e) => onChange(replaceAt(turns, i, { ...turn, speaker: e.target.value }))} />
              </div>
              <div className="field">
                <label htmlFor={`turn-text-${i}`}>Replik {n}</label>
                <textarea id={`turn-text-${i}`} rows={2} value={turn.text} onChange={(e) => onChange(replaceAt(turns, i, { ...turn, text: e.target.value }))} />
              </div>
              <div className="row-buttons">
                <button type="button" className="small" aria-label={`Flytta replik ${n} upp`} disabled={i === 0} onClick={() => onChange(move(turns, i, -1))}>
                  Upp
                </button>
                <button type="button" className="small" aria-label={`Flytta replik ${n} ner`} disabled={i === turns.length - 1} onClick={() => onChange(move(turns, i, 1))}>
                  Ner
                </button>
                <button type="button" className="small" aria-label={`Ta bort replik ${n}`} disabled={turns.length <= 2} onClick={() => onChange(removeAt(turns, i))}>
                  Ta bort
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...turns, { speaker: turns[turns.length - 2]?.speaker ?? 'Patient', text: '' }])}>
        Lägg till replik
      </button>
    </fieldset>
  );
}
