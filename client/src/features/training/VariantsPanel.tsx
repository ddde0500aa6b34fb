import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { useSubmit } from '../../hooks/useSubmit';
import { keepVariants, proposeVariants } from './api';
import { ERROR_KIND_SV } from './kinds';
import type { Candidate, TrainingCaseDetail } from '../../../../server/contracts/api/training';

const RULE_SV: Record<string, string> = {
  'number-swap': 'Siffra bytt',
  'unit-swap': 'Enhet bytt',
  'drug-swap': 'Läkemedel bytt inom samma grupp',
  'negation-flip': 'Negation vänd',
  'diagnosis-insert': 'Diagnos ur ordlistan infogad',
  'critical-delete': 'Mening med kritiskt faktum borttagen',
};

/** Two proposals that change the same words (or a deletion around an insertion point) cannot both be kept. */
const clash = (a: Candidate, b: Candidate) =>
  a.key !== b.key && a.section === b.section && ((a.start < b.end && b.start < a.end) || (a.start === a.end && b.start < a.start && a.start < b.end) || (b.start === b.end && a.start < b.start && b.start < a.end));

/** "Skapa varianter": the rules' proposals on the draft as it is; the designer ticks the ones to keep and plants them together. */
export function VariantsPanel({ detail, onSaved }: { detail: TrainingCaseDetail; onSaved(d: TrainingCaseDetail): void }) {
  const [proposal, setProposal] = useState<{ revision: number; candidates: Candidate[] } | null>(null);
  const [keep, setKeep] = useState<string[]>([]);
  const propose = useSubmit(proposeVariants);
  const save = useSubmit(keepVariants);
  const notify = useNotify();
  const draft = detail.data.draft;
  const onPropose = async () => {
    const outcome = await propose.run(detail.trainingCase.id);
    if (outcome.ok) {
      setProposal(outcome.value);
      setKeep([]);
    }
  };
  const onKeep = async () => {
    if (!proposal) return;
    const outcome = await save.run(detail.trainingCase.id, proposal.revision, keep);
    if (outcome.ok) {
      notify(`${keep.length} fel planterade.`);
      setProposal(null);
      setKeep([]);
      onSaved(outcome.value);
    }
  };
  return (
    <section className="panel" aria-labelledby="variants-title">
      <h2 id="variants-title">Skapa varianter</h2>
      <p className="muted">Reglerna föreslår fel att plantera: siffror och enheter, läkemedel inom samma grupp, vända negationer, diagnoser ingen ställde och borttagna meningar med kritiska fakta. Behåll de som passar.</p>
      <button type="button" disabled={propose.busy} onClick={() => void onPropose()}>
        Skapa varianter
      </button>
      <ErrorMessage error={propose.error ?? save.error} />
      {proposal && proposal.candidates.length === 0 && <p className="muted">Reglerna hittade inget mer att ändra i utkastet.</p>}
      {proposal && proposal.candidates.length > 0 && (
        <>
          <ul className="variant-list">
            {proposal.candidates.map((c) => (
              <li key={c.key} data-variant={c.rule}>
                <label>
                  <input
                    type="checkbox"
                    checked={keep.includes(c.key)}
                    disabled={!keep.includes(c.key) && proposal.candidates.some((o) => keep.includes(o.key) && clash(o, c))}
                    onChange={(e) => setKeep(e.target.checked ? [...keep, c.key] : keep.filter((k) => k !== c.key))} />
                  <span>
                    <strong>Behåll:</strong> {RULE_SV[c.rule] ?? c.rule} ({ERROR_KIND_SV[c.kind]}) under {draft[c.section]?.heading}:{' '}
                    {c.original && <q className="del">{c.original.trim()}</q>} {c.replacement && <>→ <q>{c.replacement.trim()}</q></>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" disabled={save.busy || keep.length === 0} onClick={() => void onKeep()}>
              Behåll valda ({keep.length})
            </button>
            <button type="button" className="secondary" onClick={() => setProposal(null)}>
              Släng alla
            </button>
          </div>
        </>
      )}
    </section>
  );
}
