import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { DraftSentence, NoteSection } from '../../../../server/contracts/note';
import type { Draft } from './api';
import { EditHints } from './EditHints';
import { FlagItem } from './FlagItem';

export const draftedText = (section: NoteSection) => section.sentences.map((s) => s.text).join(' ');

interface Props {
  draftId: string;
  section: NoteSection;
  /** the text the editor shows: what the user typed, else the saved edit, else the drafted sentences */
  text: string;
  /** written by the clinician without AI: no drafted sentences, nothing to accept or rewrite */
  manual: boolean;
  /** the draft's engine can write this section differently (a model); never for the extractive drafter */
  canRewrite: boolean;
  selected: string | null;
  /** shown under the selected sentence (the evidence, on a phone where the transcript is another tab) */
  renderEvidence?: (sentence: DraftSentence) => ReactNode;
  onSelect(sentenceId: string): void;
  onText(text: string): void;
  /** back to the drafted sentences: the edit is thrown away */
  onRevert(): void;
  onAccept(accepted: boolean): void;
  onRegenerate(): void;
  onDraft(draft: Draft): void;
  /** show a transcript segment (a flag's evidence) */
  onJump?(segmentId: string): void;
}

/**
 * One heading, in one of two forms and never both: the drafted sentences
 * (click one for its evidence; flags under it), or, once the clinician
 * chooses to edit, the editor alone. An edited section stays in the editor,
 * since its sentences no longer say what the text says; "Återställ" throws
 * the edit away and brings the sentences back.
 */
export function SectionEditor(p: Props) {
  const id = useId();
  const { section } = p;
  const [opened, setOpened] = useState(false);
  const [confirmRevert, setConfirmRevert] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  const edited = section.editedText !== null;
  const editing = p.manual || edited || opened;
  const flags = section.sentences.flatMap((s) => s.flags.map((flag) => ({ flag, sentence: s })));

  useEffect(() => {
    if (opened) editor.current?.focus();
  }, [opened]);

  const revert = () => {
    setConfirmRevert(false);
    setOpened(false);
    p.onRevert();
  };

  return (
    <section className="note-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        <h3 id={`${id}-h`}>
          {section.heading}
          {edited && !p.manual && <span className="badge">Redigerad</span>}
        </h3>
        {!p.manual && (
          <div className="actions">
            <label className="checkbox">
              <input type="checkbox" checked={section.accepted} onChange={(e) => p.onAccept(e.target.checked)} /> Godkänd
            </label>
            {!editing && (
              <button type="button" className="small secondary" onClick={() => setOpened(true)} aria-label={`Redigera ${section.heading}`}>
                Redigera
              </button>
            )}
            {editing && !edited && (
              <button type="button" className="small secondary" onClick={() => setOpened(false)}>
                Visa meningarna
              </button>
            )}
            {edited && section.sentences.length > 0 && (
              <button type="button" className="small secondary" onClick={() => setConfirmRevert(true)}>
                Återställ
              </button>
            )}
            {p.canRewrite && (
              <button type="button" className="small secondary" onClick={p.onRegenerate} aria-label={`Skriv om ${section.heading}`}>
                Skriv om
              </button>
            )}
          </div>
        )}
      </div>
      {confirmRevert && (
        <div className="notice actions" role="group" aria-label="Återställ rubriken">
          <span>Ta bort din text under {section.heading} och visa utkastets meningar igen?</span>
          <button type="button" className="small danger" onClick={revert}>
            Ja, återställ
          </button>
          <button type="button" className="small secondary" onClick={() => setConfirmRevert(false)}>
            Avbryt
          </button>
        </div>
      )}
      {editing ? (
        <>
          <label htmlFor={id} className="visually-hidden">
            Text under {section.heading}
          </label>
          <textarea ref={editor} id={id} rows={p.manual ? 5 : Math.max(3, Math.ceil(p.text.length / 60))} value={p.text} onChange={(e) => p.onText(e.target.value)} />
          <EditHints hints={section.hints} {...(p.onJump ? { onJump: p.onJump } : {})} />
          {flags.length > 0 && (
            <ul className="flags" aria-label={`Flaggor under ${section.heading}`}>
              {flags.map(({ flag }) => (
                <FlagItem key={flag.id} draftId={p.draftId} flag={flag} onResolved={p.onDraft} {...(p.onJump ? { onJump: p.onJump } : {})} />
              ))}
            </ul>
          )}
        </>
      ) : section.sentences.length === 0 ? (
        <p className="muted">Inget sades om detta.</p>
      ) : (
        <ul className="sentences">
          {section.sentences.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`sentence${p.selected === s.id ? ' selected' : ''}${s.flags.some((f) => f.severity === 'critical' && !f.resolution) ? ' flagged' : ''}`}
                aria-pressed={p.selected === s.id}
                data-sentence={s.id}
                onClick={() => p.onSelect(s.id)}
              >
                {s.text}
              </button>
              {p.selected === s.id && p.renderEvidence?.(s)}
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
    </section>
  );
}
