import type { TestCase } from '../../../../server/contracts/testcase';
import { removeAt, replaceAt } from './testcase-form';

type KeyFact = TestCase['keyFacts'][number];

/** The facts a good note must keep; critical ones weigh in the promotion gate. */
export function KeyFactsEditor({ facts, onChange }: { facts: KeyFact[]; onChange(facts: KeyFact[]): void }) {
  return (
    <fieldset>
      <legend>Nyckelfakta</legend>
      <ol className="keyfacts-editor">
        {facts.map((fact, i) => {
          const n = i + 1;
          return (
            <li key={i}>
              <div className="field">
                <label htmlFor={`fact-${i}`}>Nyckelfakta {n}</label>
                <input id={`fact-${i}`} value={fact.text} maxLength={300} onChange={(e) => onChange(replaceAt(facts, i, { ...fact, text: e.target.value }))} />
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={fact.critical} onChange={(e) => onChange(replaceAt(facts, i, { ...fact, critical: e.target.checked }))} />
                Kritisk (nyckelfakta {n})
              </label>
              <button type="button" className="small" aria-label={`Ta bort nyckelfakta ${n}`} onClick={() => onChange(removeAt(facts, i))}>
                Ta bort
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...facts, { text: '', critical: false }])}>
        Lägg till nyckelfakta
      </button>
    </fieldset>
  );
}
