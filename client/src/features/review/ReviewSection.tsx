import { useEffect } from 'react';
import type { Encounter } from '../../../../server/contracts/api/encounters';
import type { ListedRecording } from '../../../../server/contracts/api/recordings';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { onTranscription } from '../recording/transcription-events';
import { listRecordings } from '../recording/api';
import { getWorkspace, type Draft, type Workspace } from './api';
import { audioFor, pendingTranscriptionJob } from './audio';
import { DraftReview } from './DraftReview';
import { JobProgress } from './JobProgress';
import { ManualStart } from './ManualStart';
import { PasteTranscript } from './PasteTranscript';
import { SignedNoteView } from './SignedNoteView';
import { StartDraft } from './StartDraft';
import { TranscriptPanel } from './TranscriptPanel';
import { useJob } from './useJob';
import './review.css';

async function loadReview(encounterId: string) {
  const [workspace, { recordings }] = await Promise.all([getWorkspace(encounterId), listRecordings(encounterId)]);
  return { ...workspace, recordings };
}

/** A model-written draft can be rewritten per section when its engine is still set up; an extractive one would come out the same. */
function canRewrite(draft: Draft, workspace: Workspace): boolean {
  const kind = draft.drafterId.split(':')[0];
  return kind !== 'extractive' && workspace.drafters.some((d) => d.kind === kind && d.unavailableReason === null);
}

/**
 * The encounter's documentation flow as one section of the encounter page:
 * paste a transcript (or wait for the recording's), draft, review beside the
 * transcript and its audio, sign, copy. A transcription that starts on this
 * page (recorder, upload) or was already running when the page opened is
 * followed through its job, and its transcript appears without a reload.
 * A comparison (baseline) encounter skips transcript and drafting: the
 * clinician writes under the headings in the same editor. Once signed, the
 * page shows the signed note only (copy, FHIR, versions, "Ändra").
 * The encounter's recordings are read here, once per load, and handed to the
 * page (`onRecordings`), which lists them beside the recorder.
 */
export function ReviewSection({
  encounterId,
  onEncounter,
  onReviewing,
  onRecordings,
}: {
  encounterId: string;
  onEncounter(encounter: Encounter): void;
  /** told whether a draft is under review (the page then puts it first) */
  onReviewing?(reviewing: boolean): void;
  /** told the encounter's recordings after each load (the recorder's list of stored audio shows them) */
  onRecordings?(recordings: ListedRecording[]): void;
}) {
  const review = useResource(() => loadReview(encounterId), [encounterId]);
  const data = review.data;
  useEffect(() => onTranscription(encounterId, review.reload), [encounterId, review.reload]);
  // The encounter's status (e.g. signed) changes with what happens here: the page header follows.
  useEffect(() => {
    if (data) onEncounter(data.encounter);
  }, [data, onEncounter]);
  const underReview = Boolean(data?.transcript && data.drafts[0] && data.drafts[0].status !== 'signerad');
  useEffect(() => onReviewing?.(underReview), [underReview, onReviewing]);
  useEffect(() => {
    if (data) onRecordings?.(data.recordings);
  }, [data, onRecordings]);
  const pending = data ? pendingTranscriptionJob(data.transcript, data.recordings) : null;
  const transcription = useJob(pending, review.reload);
  if (!data) return review.loading ? <Loading /> : <ErrorMessage error={review.error} />;
  const draft = data.drafts[0];
  if (data.notes.length > 0 && (!draft || draft.status === 'signerad')) {
    return (
      <>
        <ErrorMessage error={review.error} />
        <SignedNoteView encounterId={encounterId} notes={data.notes} onChanged={review.reload} />
      </>
    );
  }
  if (data.encounter.mode === 'baseline') {
    return (
      <>
        <ErrorMessage error={review.error} />
        {!draft && <ManualStart workspace={data} onStarted={review.reload} />}
        {draft && <DraftReview key={draft.id} encounterId={encounterId} draft={draft} transcript={null} audio={{ kind: 'none' }} onChanged={review.reload} />}
      </>
    );
  }
  const audio = audioFor(data.transcript, data.recordings);
  return (
    <>
      <ErrorMessage error={review.error} />
      {pending && <JobProgress job={transcription.job} error={transcription.error} label="Transkriberingen" />}
      {!data.transcript && <PasteTranscript encounterId={encounterId} onSaved={review.reload} />}
      {data.transcript && !draft && <StartDraft workspace={data} onDrafted={review.reload} />}
      {data.transcript && !draft && <TranscriptPanel transcript={data.transcript} focus={null} audio={audio} />}
      {data.transcript && draft && (
        <>
          <details className="panel new-draft">
            <summary>Skapa ett nytt utkast (annat arbetsflöde eller annan utkastmotor)</summary>
            <StartDraft workspace={data} onDrafted={review.reload} />
          </details>
          <DraftReview
            key={draft.id}
            encounterId={encounterId}
            draft={draft}
            transcript={data.transcript}
            audio={audio}
            canRewrite={canRewrite(draft, data)}
            onChanged={review.reload}
          />
        </>
      )}
    </>
  );
}
