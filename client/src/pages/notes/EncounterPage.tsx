import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { getEncounter } from '../../api/encounters';
import type { Encounter } from '../../../../server/contracts/api/encounters';
import type { ListedRecording } from '../../../../server/contracts/api/recordings';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { ReviewSection } from '../../features/review/ReviewSection';
import { RecordingSection } from '../../features/recording/RecordingSection';
import { ConsentSection } from './ConsentSection';
import { EncounterSummary } from './EncounterSummary';

/**
 * One encounter as a stack of sections, each taking the encounter and
 * reporting changes; recording, transcript and draft join as further
 * sections.
 */
export function EncounterPage() {
  const { id = '' } = useParams();
  const loaded = useResource(() => getEncounter(id), [id]);
  const [encounter, setEncounter] = useState<Encounter | undefined>(undefined);
  useEffect(() => setEncounter(loaded.data?.encounter), [loaded.data]);
  const recordable = encounter?.mode === 'ai' && encounter.status !== 'signed';
  // Once there is a draft, reviewing it is the task: it comes first, consent and recording after it.
  const [reviewing, setReviewing] = useState(false);
  // Read once, by the documentation section (it needs them for the audio player and to follow a transcription); the recorder lists them.
  const [recordings, setRecordings] = useState<ListedRecording[]>([]);

  return (
    <>
      <p>
        <Link to="/anteckningar">← Mina anteckningar</Link>
      </p>
      {loaded.loading && !encounter && <Loading />}
      <ErrorMessage error={loaded.error} />
      {encounter && (
        <>
          <h1>{encounter.label}</h1>
          <EncounterSummary encounter={encounter} />
          {/* a comparison encounter is documented without AI, and a signed one takes no more audio: no consent, no recorder */}
          {recordable && !reviewing && <ConsentSection encounter={encounter} onChange={setEncounter} />}
          {recordable && !reviewing && <RecordingSection encounter={encounter} recordings={recordings} />}
          <ReviewSection encounterId={encounter.id} onEncounter={setEncounter} onReviewing={setReviewing} onRecordings={setRecordings} />
          {recordable && reviewing && <ConsentSection encounter={encounter} onChange={setEncounter} />}
          {recordable && reviewing && <RecordingSection encounter={encounter} recordings={recordings} />}
        </>
      )}
    </>
  );
}
