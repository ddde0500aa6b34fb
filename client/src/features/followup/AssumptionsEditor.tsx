import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { saveAssumptions } from './api';
import { parseSvNumber } from '../../../../server/contracts/sv-number';
import type { Assumption, Dashboard } from '../../../../server/contracts/api/followup';

type Draft = Record<string, { notesPerYear: string; suitablePercent: string; hourlyCostSek: string }>;
type Field = keyof Draft[string];

/** What each field is called in a message, and the numbers it takes (the server checks the same limits). */
const FIELDS: Record<Field, { label: string; min: number; max: number; integer: boolean; hint: string }> = {
  notesPerYear: { label: 'anteckningar per år', min: 0, max: 10_000_000, integer: true, hint: 'ett heltal, t.ex. 20 000' },
  suitablePercent: { label: 'andel lämpliga i procent', min: 0, max: 100, integer: false, hint: 'procent mellan 0 och 100, t.ex. 80 eller 62,5' },
  hourlyCostSek: { label: 'timkostnad i kronor', min: 0, max: 100_000, integer: false, hint: 'kronor mellan 0 och 100 000, t.ex. 850,50' },
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
        const spec = FIELDS[field];
        const x = parseSvNumber(d[field]);
        if (x === null || x < spec.min || x > spec.max || (spec.integer && !Number.isInteger(x))) {
          found.push(`${p.name}, ${spec.label}: ${d[field].trim() ? 'ange' : 'fyll i'} ${spec.hint}.`);
          return 0;
        }
        return x;
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
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>Yrkesgrupp</th>
              <th>Anteckningar per år</th>
              <th>Andel lämpliga (%)</th>
              <th>Timkostnad inkl. sociala avgifter (kr)</th>
            </tr>
          </thead>
          <tbody>
            {professions.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.name}</th>
                {(Object.keys(FIELDS) as Field[]).map((field) => (
                  <td key={field}>
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
      </div>
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
