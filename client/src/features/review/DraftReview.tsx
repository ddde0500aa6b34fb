import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { regenerateSection, type Draft, type Transcript } from './api';
import type { TranscriptAudio } from './audio';
import { ConflictNotice, type UnsavedSection } from './ConflictNotice';
import { JobProgress } from './JobProgress';
import { SectionEditor, draftedText } from './SectionEditor';
import { SignDialog } from './SignDialog';
import { TranscriptPanel, type EvidenceFocus } from './TranscriptPanel';
import { useActiveEditing } from './useActiveEditing';
import { useAutosave } from './useAutosave';
import { useJob } from './useJob';

const SAVE_LABEL = { idle: '', pending: 'Ändrat …', saving: 'Sparar …', saved: 'Sparat' } as const;

/**
 * Transcript and draft side by side, by section; edits autosave; signing when
 * no flag is left. Without a transcript (a comparison note written without
 * AI) it is the same editor alone, timed the same way.
 */
export function DraftReview(props: { encounterId: string; draft: Draft; transcript: Transcript | null; audio: TranscriptAudio; onChanged(): void }) {
  const [draft, setDraft] = useState(props.draft);
  useEffect(() => setDraft(props.draft), [props.draft]);
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
  const locked = draft.status === 'signerad';
  const manual = props.transcript === null;

  const select = (sentenceId: string) => {
    setSelected(sentenceId);
    const sentence = draft.sections.flatMap((s) => s.sentences).find((s) => s.id === sentenceId);
    setFocus((f) => ({ segments: sentence?.evidence.map((e) => e.segmentId) ?? [], clicks: (f?.clicks ?? 0) + 1 }));
  };
  // Only critical flags (the draft contradicts the consultation) must be handled before signing.
  const unresolved = draft.sections.reduce((n, s) => n + s.sentences.reduce((m, x) => m + x.flags.filter((f) => f.severity === 'critical' && !f.resolution).length, 0), 0);
  const jump = (segmentId: string) => setFocus((f) => ({ segments: [segmentId], clicks: (f?.clicks ?? 0) + 1 }));

  return (
    <div className="columns review" onKeyDown={editing.touched} onPointerDown={editing.touched}>
      {props.transcript && <TranscriptPanel transcript={props.transcript} focus={focus} audio={props.audio} />}
      <section className="panel" aria-label="Utkast">
        <div className="section-head">
          <h2>{manual ? 'Anteckning utan AI' : 'Utkast'} ({draft.status})</h2>
          <span className="muted" role="status">
            {SAVE_LABEL[autosave.state]}
          </span>
        </div>
        <ErrorMessage error={autosave.error ?? regenerate.error} />
        {unsaved.length > 0 && <ConflictNotice sections={unsaved} onClose={() => setUnsaved([])} />}
        <JobProgress job={regen.job} error={regen.error} label="Omskrivningen" />
        {draft.sections.map((section) => (
          <SectionEditor
            key={section.key}
            draftId={draft.id}
            section={section}
            text={texts[section.key] ?? section.editedText ?? draftedText(section)}
            accepted={section.accepted}
            locked={locked}
            manual={manual}
            selected={selected}
            onSelect={select}
            onText={(text) => {
              setTexts((t) => ({ ...t, [section.key]: text }));
              autosave.change(section.key, { editedText: text });
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
        {!locked && !signing && (
          <div className="actions">
            <button
              type="button"
              onClick={async () => {
                await autosave.flush();
                setSigning(true);
              }}
            >
              Signera …
            </button>
            {unresolved > 0 && <span className="muted">{unresolved === 1 ? '1 kritisk flagga återstår' : `${unresolved} kritiska flaggor återstår`} att hantera.</span>}
          </div>
        )}
        {signing && !locked && <SignDialog draftId={draft.id} askAboutDraft={!manual} beforeSign={editing.flush} onSigned={props.onChanged} onCancel={() => setSigning(false)} />}
      </section>
    </div>
  );
}
