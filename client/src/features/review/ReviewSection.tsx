import { useEffect } from 'react';
import type { Encounter } from '../../api/schemas';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { onTranscription } from '../recording/transcription-events';
import { getWorkspace, listRecordings } from './api';
import { audioFor, pendingTranscriptionJob } from './audio';
import { DraftReview } from './DraftReview';
import { JobProgress } from './JobProgress';
import { ManualStart } from './ManualStart';
import { PasteTranscript } from './PasteTranscript';
import { SignedNotes } from './SignedNotes';
import { StartDraft } from './StartDraft';
import { TranscriptPanel } from './TranscriptPanel';
import { useJob } from './useJob';
import './review.css';

async function loadReview(encounterId: string) {
  const [workspace, { recordings }] = await Promise.all([getWorkspace(encounterId), listRecordings(encounterId)]);
  return { ...workspace, recordings };
}

/**
 * The encounter's documentation flow as one section of the encounter page:
 * paste a transcript (or wait for the recording's), draft, review beside the
 * transcript and its audio, sign, copy. A transcription that starts on this
 * page (recorder, upload) or was already running when the page opened is
 * followed through its job, and its transcript appears without a reload.
 * A comparison (baseline) encounter skips transcript and drafting: the
 * clinician writes under the headings in the same editor.
 */
export function ReviewSection({ encounterId, onEncounter }: { encounterId: string; onEncounter(encounter: Encounter): void }) {
  const review = useResource(() => loadReview(encounterId), [encounterId]);
  const data = review.data;
  useEffect(() => onTranscription(encounterId, review.reload), [encounterId, review.reload]);
  // The encounter's status (e.g. signed) changes with what happens here: the page header follows.
  useEffect(() => {
    if (data) onEncounter(data.encounter);
  }, [data, onEncounter]);
  const pending = data ? pendingTranscriptionJob(data.transcript, data.recordings) : null;
  const transcription = useJob(pending, review.reload);
  if (!data) return review.loading ? <Loading /> : <ErrorMessage error={review.error} />;
  const draft = data.drafts[0];
  if (data.encounter.mode === 'baseline') {
    return (
      <>
        <ErrorMessage error={review.error} />
        <SignedNotes notes={data.notes} />
        {!draft && <ManualStart workspace={data} onStarted={review.reload} />}
        {draft && <DraftReview key={draft.id} encounterId={encounterId} draft={draft} transcript={null} audio={{ kind: 'none' }} onChanged={review.reload} />}
      </>
    );
  }
  const audio = audioFor(data.transcript, data.recordings);
  return (
    <>
      <ErrorMessage error={review.error} />
      <SignedNotes notes={data.notes} />
      {pending && <JobProgress job={transcription.job} error={transcription.error} label="Transkriberingen" />}
      {!data.transcript && <PasteTranscript encounterId={encounterId} onSaved={review.reload} />}
      {data.transcript && (!draft || draft.status !== 'signerad') && <StartDraft workspace={data} onDrafted={review.reload} />}
      {data.transcript && !draft && <TranscriptPanel transcript={data.transcript} focus={null} audio={audio} />}
      {data.transcript && draft && (
        <DraftReview key={draft.id} encounterId={encounterId} draft={draft} transcript={data.transcript} audio={audio} onChanged={review.reload} />
      )}
    </>
  );
}
