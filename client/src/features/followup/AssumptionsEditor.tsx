import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { saveAssumptions } from './api';
import type { Assumption, Dashboard } from '../../../../server/contracts/api/followup';

type Draft = Record<string, { notesPerYear: string; suitablePercent: string; hourlyCostSek: string }>;

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
  const set = (code: string, field: keyof Draft[string], value: string) => setDraft((d) => ({ ...d, [code]: { ...d[code]!, [field]: value } }));
  const submit = () => {
    const out: Record<string, Assumption> = {};
    for (const [code, d] of Object.entries(draft)) {
      if (!d.notesPerYear && !d.suitablePercent && !d.hourlyCostSek) continue;
      out[code] = { notesPerYear: Number(d.notesPerYear), suitableShare: Number(d.suitablePercent.replace(',', '.')) / 100, hourlyCostSek: Number(d.hourlyCostSek.replace(',', '.')) };
    }
    void save.run(out).then((o) => o.ok && onSaved());
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
                {(['notesPerYear', 'suitablePercent', 'hourlyCostSek'] as const).map((field) => (
                  <td key={field}>
                    <input
                      aria-label={`${p.name}: ${field === 'notesPerYear' ? 'anteckningar per år' : field === 'suitablePercent' ? 'andel lämpliga i procent' : 'timkostnad i kronor'}`}
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
