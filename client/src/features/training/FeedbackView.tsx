import { useState } from 'react';
import { TranscriptPanel, type EvidenceFocus } from '../review/TranscriptPanel';
import { DraftText, type Highlight } from './DraftText';
import { seconds } from './format';
import type { Feedback, ReviewCase } from '../../../../server/contracts/api/training';
import { transcriptOf } from './transcript';

/**
 * Right after signing: what was planted, what the reviewer found, what they
 * missed and what they marked that was fine. Each planted error shows what
 * was actually said; "Visa i samtalet" highlights that turn in the transcript.
 */
export function FeedbackView({ data, feedback }: { data: ReviewCase; feedback: Feedback }) {
  const [focus, setFocus] = useState<EvidenceFocus | null>(null);
  const show = (turn: number) => setFocus((f) => ({ segments: [`t${turn}`], clicks: (f?.clicks ?? 0) + 1 }));
  const highlights = (section: number): Highlight[] =>
    feedback.errors.filter((e) => e.section === section).map((e) => ({ start: e.start, end: e.end, className: 'planted', title: `${e.kindLabel}${e.found ? ' (hittat)' : ' (missat)'}` }));
  return (
    <div className="columns review">
      <TranscriptPanel transcript={transcriptOf(data.case.turns)} focus={focus} audio={{ kind: 'none' }} />
      <section className="panel" aria-labelledby="feedback-title">
        <h2 id="feedback-title">Återkoppling</h2>
        <div className="figures" role="status">
          <div><strong>{feedback.planted}</strong> planterade fel</div>
          <div><strong className="found">{feedback.found}</strong> hittade</div>
          <div><strong className="missed">{feedback.missed}</strong> missade</div>
          <div><strong>{feedback.falseMarks}</strong> markeringar där inget fel fanns</div>
          <div><strong>{seconds(feedback.durationMs)}</strong> tid</div>
        </div>
        <h3>De planterade felen</h3>
        <ul className="feedback-list">
          {feedback.errors.map((e) => (
            <li key={e.id} data-error={e.id}>
              <span className={e.found ? 'found' : 'missed'}>{e.found ? 'Hittat' : 'Missat'}</span> – <strong>{e.kindLabel}</strong> under {e.heading}
              {e.found && !e.kindCorrect && <span className="muted"> (du valde en annan typ av fel)</span>}
              {e.kind === 'omission' ? <p>Utelämnat ur utkastet.</p> : <p>I utkastet: <q>{e.text}</q></p>}
              <p>
                Det som sades: <span className="said">{e.said}</span>
              </p>
              {e.evidence && (
                <p>
                  {e.evidence.speaker}: <q>{e.evidence.text}</q>{' '}
                  <button type="button" className="small secondary" onClick={() => show(e.evidence!.turn)}>
                    Visa i samtalet
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
        <h3>Markeringar där det inte fanns något planterat fel ({feedback.falseMarkList.length})</h3>
        {feedback.falseMarkList.length === 0 ? (
          <p className="muted">Inga – alla dina markeringar träffade ett planterat fel.</p>
        ) : (
          <ul className="mark-list">
            {feedback.falseMarkList.map((m, i) => (
              <li key={i}>
                {m.kindLabel}
                {m.heading && ` under ${m.heading}`}: <q>{m.text}</q>
              </li>
            ))}
          </ul>
        )}
        <h3>Utkastet med felen utmärkta</h3>
        {data.case.draft.map((s, i) => (
          <section key={i} className="note-section" aria-label={s.heading}>
            <h4>{s.heading}</h4>
            <DraftText section={i} text={s.text} highlights={highlights(i)} />
          </section>
        ))}
      </section>
    </div>
  );
}
