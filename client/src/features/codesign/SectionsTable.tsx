import type { WorkflowSection } from '../../../../server/contracts/workflow';
import { fromLines, toLines } from './lines';
import { MaxCharsField } from './MaxCharsField';
import { TableScroll } from '../../components/TableScroll';

/**
 * The sections of a workflow as an editable table: heading, instruction, required, style, max length, cues.
 * Seven fields do not fit one row below a very wide screen, so each row is laid out as a card whose fields
 * wrap, each under its column's name (data-label; codesign.css).
 */
export function SectionsTable({
  sections,
  onChange,
  onValidity,
}: {
  sections: WorkflowSection[];
  onChange(sections: WorkflowSection[]): void;
  /** whether a section's typed fields can be saved (false while "Max tecken" holds text that is no limit) */
  onValidity(key: string, valid: boolean): void;
}) {
  const set = (i: number, patch: Partial<WorkflowSection>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...sections];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <TableScroll>
      <table className="sections-table">
        <thead>
          <tr>
            <th>Rubrik</th>
            <th>Instruktion (AI)</th>
            <th>Obligatorisk (AI)</th>
            <th>Stil, en per rad (AI; antal meningar: alla)</th>
            <th>Max tecken (alla)</th>
            <th>Ledord, ett per rad (alla)</th>
            <th>Ordning (alla)</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s, i) => (
            <tr key={s.key}>
              <td data-label="Rubrik">
                <input aria-label={`Rubrik ${i + 1}`} value={s.heading} onChange={(e) => set(i, { heading: e.target.value })} />
              </td>
              <td data-label="Instruktion (AI)">
                <textarea aria-label={`Instruktion för ${s.heading}`} rows={3} value={s.instruction} onChange={(e) => set(i, { instruction: e.target.value })} />
              </td>
              <td data-label="Obligatorisk (AI)">
                <input type="checkbox" aria-label={`${s.heading} obligatorisk`} checked={s.required} onChange={(e) => set(i, { required: e.target.checked })} />
              </td>
              <td data-label="Stil, en per rad (AI; antal meningar: alla)">
                <textarea aria-label={`Stil för ${s.heading}`} rows={3} value={toLines(s.styleHints)} onChange={(e) => set(i, { styleHints: fromLines(e.target.value) })} />
              </td>
              <td data-label="Max tecken (alla)">
                <MaxCharsField
                  heading={s.heading}
                  value={s.maxChars}
                  onChange={(maxChars, valid) => {
                    set(i, { maxChars });
                    onValidity(s.key, valid);
                  }}
                />
              </td>
              <td data-label="Ledord, ett per rad (alla)">
                <textarea aria-label={`Ledord för ${s.heading}`} rows={3} value={toLines(s.cues)} onChange={(e) => set(i, { cues: fromLines(e.target.value) })} />
              </td>
              <td data-label="Ordning (alla)" className="row-actions">
                <button type="button" className="secondary small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Flytta ${s.heading} upp`}>
                  ↑
                </button>
                <button type="button" className="secondary small" disabled={i === sections.length - 1} onClick={() => move(i, 1)} aria-label={`Flytta ${s.heading} ned`}>
                  ↓
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
