import type { TestCase } from '../../../../server/contracts/testcase';
import { replaceAt } from './testcase-form';

type Reference = TestCase['referenceNote'];

/** The note a skilled colleague would write, one text per heading; empty headings are not saved. */
export function ReferenceNoteEditor({ note, onChange }: { note: Reference; onChange(note: Reference): void }) {
  return (
    <fieldset>
      <legend>Referensanteckning</legend>
      {note.map((section, i) => (
        <div className="field" key={section.heading}>
          <label htmlFor={`reference-${i}`}>Referens: {section.heading}</label>
          <textarea id={`reference-${i}`} rows={2} value={section.text} onChange={(e) => onChange(replaceAt(note, i, { ...section, text: e.target.value }))} />
        </div>
      ))}
    </fieldset>
  );
}
