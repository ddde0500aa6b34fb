import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { saveAssumptions } from './api';
import { ProfessionAssumptionSchema, type Assumption, type Dashboard } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';
import { readNumberField, ruleOf, type NumberRule } from '../../format/number-field';

type Draft = Record<string, { notesPerYear: string; suitablePercent: string; hourlyCostSek: string }>;
type Field = keyof Draft[string];

/** What each field is called in a message and the numbers it takes: the contract's limits, which the server checks on saving. */
const FIELDS: Record<Field, { label: string; header: string; rule: NumberRule }> = {
  notesPerYear: { label: 'anteckningar per år', header: 'Anteckningar per år', rule: ruleOf(ProfessionAssumptionSchema.shape.notesPerYear, '20 000', { required: true }) },
  // typed as percent, stored as a share
  suitablePercent: { label: 'andel lämpliga i procent', header: 'Andel lämpliga (%)', rule: ruleOf(ProfessionAssumptionSchema.shape.suitableShare, '62,5', { required: true, scale: 100 }) },
  hourlyCostSek: { label: 'timkostnad i kronor', header: 'Timkostnad inkl. sociala avgifter (kr)', rule: ruleOf(ProfessionAssumptionSchema.shape.hourlyCostSek, '850,50', { required: true }) },
};

/** The lead edits notes per year, share of suitable notes and hourly cost per profession; each save is logged by the server. */
export function AssumptionsEditor({ professions, assumptions, canEdit, onSaved }: { professions: Dashboard['options']['professions']; assumptions: Dashboard['extrapolation']['assumptions']; canEdit: boolean; onSaved(): void }) {
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      professions.map((p) => {
        const a = assumptions.professions[p.code];
        return [p.code, { notesPerYear: a ? String(a.notesPerYear) : '', suitablePercent: a ? String(Math.round(a.suitableShare * 1000) / 10) : '', hourlyCostSek: a ? String(a.hourlyCostSek) : '' }];
      }),
    ),
  );
  const save = useSubmit(saveAssumptions);
  // Problems found before sending, each naming the profession and the field (the server's would name internal keys).
  const [problems, setProblems] = useState<string[]>([]);
  const set = (code: string, field: Field, value: string) => setDraft((d) => ({ ...d, [code]: { ...d[code]!, [field]: value } }));
  const submit = () => {
    const out: Record<string, Assumption> = {};
    const found: string[] = [];
    for (const p of professions) {
      const d = draft[p.code];
      if (!d || (!d.notesPerYear.trim() && !d.suitablePercent.trim() && !d.hourlyCostSek.trim())) continue;
      const value = (field: Field) => {
        const read = readNumberField(d[field], FIELDS[field].rule);
        if (read.kind === 'number') return read.value;
        if (read.kind === 'invalid') found.push(`${p.name}, ${FIELDS[field].label}: ${read.message}`);
        return 0;
      };
      out[p.code] = { notesPerYear: value('notesPerYear'), suitableShare: value('suitablePercent') / 100, hourlyCostSek: value('hourlyCostSek') };
    }
    setProblems(found);
    if (found.length === 0) void save.run(out).then((o) => o.ok && onSaved());
  };
  return (
    <form
      aria-label="Antaganden"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {/* cards on a phone: a profession's three figures are typed together */}
      <TableScroll>
        <table className="cards">
          <thead>
            <tr>
              <th>Yrkesgrupp</th>
              {Object.values(FIELDS).map((f) => (
                <th key={f.header}>{f.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {professions.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.name}</th>
                {(Object.keys(FIELDS) as Field[]).map((field) => (
                  <td key={field} data-label={FIELDS[field].header}>
                    <input
                      aria-label={`${p.name}: ${FIELDS[field].label}`}
                      inputMode="decimal"
                      value={draft[p.code]?.[field] ?? ''}
                      disabled={!canEdit}
                      onChange={(e) => set(p.code, field, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {problems.length > 0 && (
        <div className="error-box" role="alert">
          <p className="error-title">Antagandena sparades inte</p>
          <ul>
            {problems.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage error={save.error} />
      {canEdit ? (
        <button type="submit" disabled={save.busy}>
          Spara antaganden
        </button>
      ) : (
        <p className="muted">Bara projektledaren kan ändra antagandena.</p>
      )}
      <p className="muted">Senast ändrade: {assumptions.updatedAt ? new Date(assumptions.updatedAt).toLocaleString('sv-SE') : 'aldrig'}. Varje ändring loggas.</p>
    </form>
  );
}
