import { useRef, useState } from 'react';
import type { Mark } from '../../../../server/contracts/training';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../session/SessionContext';
import { TranscriptPanel, type EvidenceFocus } from '../review/TranscriptPanel';
import { submitReview } from './api';
import { DraftText, type Highlight } from './DraftText';
import { FLAG_KIND_SV } from './kinds';
import { MarkForm } from './MarkForm';
import { MarksList } from './MarksList';
import type { Feedback, ReviewCase } from '../../../../server/contracts/api/training';
import { Timer } from './Timer';
import { transcriptOf } from './transcript';
import { useDraftSelection } from './useDraftSelection';

/**
 * Reviewing a training draft on the review screen of real work: the
 * transcript (TranscriptPanel) beside the draft, the grounding flags under
 * each heading when the round shows them, the reviewer's marks highlighted.
 * Signing sends the marks once and brings the feedback.
 */
export function ReviewWork({ data, onFeedback }: { data: ReviewCase; onFeedback(f: Feedback): void }) {
  const me = useMe();
  const [marks, setMarks] = useState<Mark[]>([]);
  const [focus, setFocus] = useState<EvidenceFocus | null>(null);
  const draftRef = useRef<HTMLElement>(null);
  const [selection, clearSelection] = useDraftSelection(draftRef);
  const submit = useSubmit(submitReview);
  const { round, case: c } = data;
  const transcript = transcriptOf(c.turns);

  const highlights = (section: number): Highlight[] => [
    ...marks.flatMap((m) => (m.type === 'span' && m.section === section ? [{ start: m.start, end: m.end, className: 'mine', title: 'Din markering' }] : [])),
    ...(c.flags ?? []).filter((f) => f.section === section).map((f) => ({ start: f.start, end: f.end, className: 'flagged', title: FLAG_KIND_SV[f.kind] ?? f.kind })),
  ];
  const sign = async () => {
    const outcome = await submit.run(round.id, me.id, c.caseId, marks);
    if (outcome.ok) onFeedback(outcome.value.feedback);
  };

  return (
    <div className="columns review">
      <TranscriptPanel transcript={transcript} focus={focus} audio={{ kind: 'none' }} />
      <section className="panel training-draft" aria-label="Utkast att granska" ref={draftRef}>
        <div className="section-head">
          <h2>Utkast (övning)</h2>
          <Timer startedAt={data.startedAt} limitSeconds={round.timeLimitSeconds} />
        </div>
        <p className="muted">
          Granska som i verkligt arbete. Markera allt som inte stämmer med samtalet, och skriv vad som saknas.
          {round.showFlags ? ' Granskningsflaggorna visas, men de hittar inte allt.' : ' Granskningsflaggorna visas inte i den här omgången.'}
        </p>
        {c.draft.map((s, i) => (
          <section key={i} className="note-section" aria-label={s.heading}>
            <h3>{s.heading}</h3>
            <DraftText section={i} text={s.text} highlights={highlights(i)} />
            {(c.flags ?? []).filter((f) => f.section === i).length > 0 && (
              <ul className="flags">
                {(c.flags ?? [])
                  .filter((f) => f.section === i)
                  .map((f, k) => (
                    <li key={k} className={`flag ${f.severity}`}>
                      <button type="button" className="small secondary" onClick={() => setFocus((old) => ({ segments: f.turn === null ? [] : [`t${f.turn}`], clicks: (old?.clicks ?? 0) + 1 }))}>
                        <span className="flag-kind">{FLAG_KIND_SV[f.kind] ?? f.kind}</span>: <q>{s.text.slice(f.start, f.end)}</q>
                      </button>
                    </li>
                  ))}
              </ul>
            )}
          </section>
        ))}
        <MarkForm draft={c.draft} selection={selection} onMark={(m) => setMarks((all) => [...all, m])} onClearSelection={clearSelection} />
        <h3>Mina markeringar ({marks.length})</h3>
        <MarksList marks={marks} draft={c.draft} onRemove={(i) => setMarks((all) => all.filter((_, k) => k !== i))} />
        <ErrorMessage error={submit.error} />
        <div className="actions">
          <button type="button" disabled={submit.busy || round.status !== 'open'} onClick={() => void sign()}>
            Signera granskningen
          </button>
          {round.status !== 'open' && <span className="muted">Omgången är stängd.</span>}
        </div>
      </section>
    </div>
  );
}
