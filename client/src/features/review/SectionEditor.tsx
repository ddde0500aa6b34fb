import { useId } from 'react';
import type { NoteSection } from '../../../../server/contracts/note';
import type { Draft } from './api';
import { EditHints } from './EditHints';
import { FlagItem } from './FlagItem';

export const draftedText = (section: NoteSection) => section.sentences.map((s) => s.text).join(' ');

interface Props {
  draftId: string;
  section: NoteSection;
  text: string;
  accepted: boolean;
  locked: boolean;
  /** written by the clinician without AI: no drafted sentences, nothing to accept or rewrite */
  manual: boolean;
  selected: string | null;
  onSelect(sentenceId: string): void;
  onText(text: string): void;
  onAccept(accepted: boolean): void;
  onRegenerate(): void;
  onDraft(draft: Draft): void;
  /** show a transcript segment (a flag's evidence) */
  onJump?(segmentId: string): void;
}

/** One heading: the drafted sentences (click for evidence, flags under each), the editable text, accept and regenerate; a manual note has only the text. */
export function SectionEditor(p: Props) {
  const id = useId();
  const { section } = p;
  return (
    <section className="note-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h3 id={`${id}-h`}>{section.heading}</h3>
        {!p.manual && (
          <div className="actions">
            <label className="checkbox">
              <input type="checkbox" checked={p.accepted} disabled={p.locked} onChange={(e) => p.onAccept(e.target.checked)} /> Godkänd
            </label>
            <button type="button" className="small secondary" disabled={p.locked} onClick={p.onRegenerate}>
              Skriv om
            </button>
          </div>
        )}
      </div>
      {p.manual ? null : section.sentences.length === 0 ? (
        <p className="muted">Inget sades om detta.</p>
      ) : (
        <ul className="sentences">
          {section.sentences.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`sentence${p.selected === s.id ? ' selected' : ''}${s.flags.some((f) => f.severity === 'critical' && !f.resolution) ? ' flagged' : ''}`}
                aria-pressed={p.selected === s.id}
                onClick={() => p.onSelect(s.id)}
              >
                {s.text}
              </button>
              {s.flags.length > 0 && (
                <ul className="flags">
                  {s.flags.map((f) => (
                    <FlagItem key={f.id} draftId={p.draftId} flag={f} onResolved={p.onDraft} {...(p.onJump ? { onJump: p.onJump } : {})} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="visually-hidden">
        Text under {section.heading}
      </label>
      <textarea id={id} rows={p.manual ? 5 : 3} value={p.text} disabled={p.locked} onChange={(e) => p.onText(e.target.value)} />
      {!p.locked && <EditHints hints={section.hints} {...(p.onJump ? { onJump: p.onJump } : {})} />}
    </section>
  );
}
