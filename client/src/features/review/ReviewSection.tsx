import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { getWorkspace } from './api';
import { DraftReview } from './DraftReview';
import { PasteTranscript } from './PasteTranscript';
import { SignedNotes } from './SignedNotes';
import { StartDraft } from './StartDraft';
import { TranscriptPanel } from './TranscriptPanel';
import './review.css';

/**
 * The encounter's documentation flow as one section of the encounter page:
 * paste a transcript, draft, review beside the transcript, sign, copy.
 */
export function ReviewSection({ encounterId }: { encounterId: string }) {
  const workspace = useResource(() => getWorkspace(encounterId), [encounterId]);
  const data = workspace.data;
  if (!data) return workspace.loading ? <Loading /> : <ErrorMessage error={workspace.error} />;
  const draft = data.drafts[0];
  return (
    <>
      <ErrorMessage error={workspace.error} />
      <SignedNotes notes={data.notes} />
      {!data.transcript && <PasteTranscript encounterId={encounterId} onSaved={workspace.reload} />}
      {data.transcript && (!draft || draft.status !== 'signerad') && <StartDraft workspace={data} onDrafted={workspace.reload} />}
      {data.transcript && !draft && <TranscriptPanel transcript={data.transcript} highlighted={[]} audioUrl={data.audioUrl} />}
      {data.transcript && draft && (
        <DraftReview key={draft.id} encounterId={encounterId} draft={draft} transcript={data.transcript} audioUrl={data.audioUrl} onChanged={workspace.reload} />
      )}
    </>
  );
}
