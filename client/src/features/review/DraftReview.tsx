import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSentence } from '../../../../server/contracts/note';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useMediaQuery } from '../../hooks/useMediaQuery';
import { useSubmit } from '../../hooks/useSubmit';
import { regenerateSection, type Draft, type Transcript } from './api';
import type { TranscriptAudio } from './audio';
import { ConflictNotice, type UnsavedSection } from './ConflictNotice';
import { InlineEvidence } from './InlineEvidence';
import { JobProgress } from './JobProgress';
import { ReviewTabs, type ReviewTab } from './ReviewTabs';
import { SectionEditor, draftedText } from './SectionEditor';
import { SignDialog } from './SignDialog';
import { TranscriptPanel, type EvidenceFocus } from './TranscriptPanel';
import { contradictedEdits, unresolvedFlags } from './flags';
import { useActiveEditing } from './useActiveEditing';
import { useAutosave } from './useAutosave';
import { useJob } from './useJob';

const SAVE_LABEL = { idle: '', pending: 'Ändrat …', saving: 'Sparar …', saved: 'Sparat' } as const;
/** Below this width transcript and draft do not fit side by side: they become two tabs. */
export const NARROW = '(max-width: 47.99rem)';

export interface DraftReviewProps {
  encounterId: string;
  draft: Draft;
  /** null for a note written without AI: the editor alone */
  transcript: Transcript | null;
  audio: TranscriptAudio;
  /** the draft's engine can rewrite a section (a model that is set up); false for the extractive drafter */
  canRewrite?: boolean;
  onChanged(): void;
}

/**
 * The review of one draft beside its transcript, by section: click a
 * sentence for its evidence, resolve flags, edit (autosaved), sign. On a
 * narrow screen transcript and draft are tabs, and a clicked sentence shows
 * its evidence under it. Ctrl+Enter opens signing from anywhere on the
 * page, with the focus on "Signera": an unchanged draft without critical
 * flags is signed with two key presses.
 */
export function DraftReview(props: DraftReviewProps) {
  const [draft, setDraft] = useState(props.draft);
  useEffect(() => setDraft(props.draft), [props.draft]);
  const narrow = useMediaQuery(NARROW);
  const [tab, setTab] = useState<ReviewTab>('draft');
  const [selected, setSelected] = useState<string | null>(null);
  const [focus, setFocus] = useState<EvidenceFocus | null>(null);
  const [unsaved, setUnsaved] = useState<UnsavedSection[]>([]);
  const [signing, setSigning] = useState(false);
  const [regenJob, setRegenJob] = useState<string | null>(null);
  const regenerate = useSubmit(regenerateSection);
  const regen = useJob(regenJob, props.onChanged);
  const onSaved = useCallback((saved: Draft) => setDraft(saved), []);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const typed = useRef(texts);
  typed.current = texts;
  const onConflict = useCallback((latest: Draft, keys: string[]) => {
    setUnsaved(
      keys.flatMap((key) => {
        const text = typed.current[key];
        const heading = latest.sections.find((s) => s.key === key)?.heading ?? key;
        return text === undefined ? [] : [{ key, heading, text }];
      }),
    );
    setTexts({});
    setDraft(latest);
  }, []);
  const autosave = useAutosave(draft, onSaved, onConflict);
  const editing = useActiveEditing(props.encounterId, draft.id);
  const manual = props.transcript === null;
  const flags = unresolvedFlags(draft);

  const openSigning = useCallback(async () => {
    await autosave.flush();
    setSigning(true);
    // The flush function is stable for the draft; the autosave object is new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autosave.flush]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      void openSigning();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSigning]);

  const select = (sentenceId: string) => {
    setSelected(sentenceId);
    const sentence = draft.sections.flatMap((s) => s.sentences).find((s) => s.id === sentenceId);
    setFocus((f) => ({ segments: sentence?.evidence.map((e) => e.segmentId) ?? [], clicks: (f?.clicks ?? 0) + 1 }));
  };
  const backToSentence = () => {
    setTab('draft');
    // After the draft tab is shown again: the user continues where they left.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-sentence="${selected ?? ''}"]`)?.focus());
  };
  const renderEvidence =
    narrow && props.transcript
      ? (sentence: DraftSentence) => <InlineEvidence sentence={sentence} transcript={props.transcript!} onShowTranscript={() => setTab('transcript')} />
      : undefined;
  const tabbed = narrow && !manual;
  // A flag's "show what was said" goes to the transcript, which on a phone is the other tab.
  const jump = (segmentId: string) => {
    setFocus((f) => ({ segments: [segmentId], clicks: (f?.clicks ?? 0) + 1 }));
    if (tabbed) setTab('transcript');
  };

  return (
    <div className={`review${manual ? '' : ' columns'}`} onKeyDown={editing.touched} onPointerDown={editing.touched}>
      {tabbed && <ReviewTabs tab={tab} onTab={setTab} />}
      {props.transcript && (
        <div
          className="transcript-column"
          tabIndex={0}
          {...(tabbed ? { role: 'tabpanel', id: 'review-panel-transcript', 'aria-labelledby': 'review-tab-transcript', hidden: tab !== 'transcript' } : {})}
        >
          <TranscriptPanel
            transcript={props.transcript}
            focus={focus}
            audio={props.audio}
            visible={!tabbed || tab === 'transcript'}
            onBack={tabbed && selected ? backToSentence : undefined}
          />
        </div>
      )}
      <section
        className="panel draft-panel"
        aria-label="Utkast"
        {...(tabbed ? { role: 'tabpanel', id: 'review-panel-draft', 'aria-labelledby': 'review-tab-draft', hidden: tab !== 'draft' } : {})}
      >
        <div className="section-head">
          <h2>
            {manual ? 'Anteckning utan AI' : 'Utkast'}
            {draft.status === 'redigerad' ? ' (redigerat)' : ''}
          </h2>
          <span className="muted" role="status">
            {SAVE_LABEL[autosave.state]}
          </span>
        </div>
        {!signing && (
          <div className="actions sign-bar">
            <button type="button" onClick={() => void openSigning()} aria-keyshortcuts="Control+Enter">
              Signera …
            </button>
            <span className="muted kbd-hint">Ctrl+Enter</span>
            {flags.total > 0 && (
              <span className={flags.critical > 0 ? 'flag-count critical' : 'muted'}>
                {flags.total} {flags.total === 1 ? 'flagga' : 'flaggor'} att granska{flags.critical > 0 ? `, ${flags.critical} kritisk${flags.critical === 1 ? '' : 'a'}` : ''}.
              </span>
            )}
          </div>
        )}
        {signing && <SignDialog draftId={draft.id} askAboutDraft={!manual} contradictions={contradictedEdits(draft)} beforeSign={editing.flush} onSigned={props.onChanged} onCancel={() => setSigning(false)} />}
        <ErrorMessage error={autosave.error ?? regenerate.error} />
        {unsaved.length > 0 && <ConflictNotice sections={unsaved} onClose={() => setUnsaved([])} />}
        <JobProgress job={regen.job} error={regen.error} label="Omskrivningen" />
        {draft.sections.map((section) => (
          <SectionEditor
            key={section.key}
            draftId={draft.id}
            section={section}
            text={texts[section.key] ?? section.editedText ?? draftedText(section)}
            manual={manual}
            canRewrite={!manual && (props.canRewrite ?? false)}
            selected={selected}
            renderEvidence={renderEvidence}
            onSelect={select}
            onText={(text) => {
              setTexts((t) => ({ ...t, [section.key]: text }));
              autosave.change(section.key, { editedText: text });
            }}
            onRevert={() => {
              setTexts((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== section.key)));
              autosave.change(section.key, { editedText: null });
            }}
            onAccept={(accepted) => autosave.change(section.key, { accepted })}
            onRegenerate={async () => {
              await autosave.flush();
              const started = await regenerate.run(draft.id, section.key);
              if (started.ok) {
                setTexts((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== section.key)));
                setRegenJob(started.value.jobId);
              }
            }}
            onDraft={setDraft}
            {...(manual ? {} : { onJump: jump })}
          />
        ))}
      </section>
    </div>
  );
}
