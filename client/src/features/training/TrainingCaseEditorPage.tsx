import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { getTrainingCase, removeError } from './api';
import { DraftText, type Highlight } from './DraftText';
import { HandPlantForm } from './HandPlantForm';
import { ERROR_KIND_SV } from './kinds';
import type { TrainingCaseDetail } from '../../../../server/contracts/api/training';
import { useDraftSelection } from './useDraftSelection';
import { VariantsPanel } from './VariantsPanel';
import './training.css';

/** The training-case editor: the draft with its planted errors marked, the list of errors, "Skapa varianter" and planting by hand. */
export function TrainingCaseEditorPage() {
  const { id = '' } = useParams();
  const resource = useResource(() => getTrainingCase(id), [id]);
  const [detail, setDetail] = useState<TrainingCaseDetail | null>(null);
  useEffect(() => setDetail(resource.data ?? null), [resource.data]);
  const draftRef = useRef<HTMLElement>(null);
  const [selection] = useDraftSelection(draftRef);
  const remove = useSubmit(removeError);
  if (!detail) return <>{resource.loading ? <Loading /> : <ErrorMessage error={resource.error} />}</>;
  const { data, trainingCase } = detail;
  const highlights = (section: number): Highlight[] =>
    data.errors.filter((e) => e.section === section).map((e) => ({ start: e.start, end: e.end, className: 'planted', title: ERROR_KIND_SV[e.kind] }));
  return (
    <div className="training">
      <p>
        <Link to={`/samskapande/grupp/${trainingCase.groupId}`}>← Arbetsgruppen</Link>
      </p>
      <h1>{trainingCase.title}</h1>
      <p className="muted">
        {data.errors.length} planterade fel · revision {trainingCase.revision}
      </p>
      <div className="columns">
        <section className="panel training-draft" aria-label="Utkast med planterade fel" ref={draftRef}>
          <h2>Utkast</h2>
          {data.draft.map((s, i) => (
            <section key={i} className="note-section" aria-label={s.heading}>
              <h3>{s.heading}</h3>
              <DraftText section={i} text={s.text} highlights={highlights(i)} />
            </section>
          ))}
        </section>
        <section className="panel" aria-labelledby="planted-title">
          <h2 id="planted-title">Planterade fel ({data.errors.length})</h2>
          <ErrorMessage error={remove.error} />
          <ul className="planted-list">
            {data.errors.map((e) => (
              <li key={e.id} data-error={e.id}>
                <strong>{ERROR_KIND_SV[e.kind]}</strong>
                {e.critical ? ' (kritiskt)' : ''} under {data.draft[e.section]?.heading}: {e.kind === 'omission' ? <q className="del">{e.original.trim()}</q> : <q>{e.text.trim()}</q>}
                <br />
                <span className="muted">Sades: </span>
                <span className="said">{e.said}</span>
                {e.origin !== 'hand' && <span className="muted"> · regel</span>}{' '}
                <button
                  type="button"
                  className="small secondary"
                  disabled={remove.busy}
                  onClick={async () => {
                    const outcome = await remove.run(trainingCase.id, e.id, trainingCase.revision);
                    if (outcome.ok) setDetail(outcome.value);
                  }}
                >
                  Ta bort
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <VariantsPanel detail={detail} onSaved={setDetail} />
      <HandPlantForm detail={detail} selection={selection} onSaved={setDetail} />
    </div>
  );
}
