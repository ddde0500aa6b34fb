import { useEffect } from 'react';
import type { ListedRecording, TranscriptionState } from '../../../../server/contracts/api/recordings';
import { formatDateTime } from '../../format/dates';
import { useResource } from '../../hooks/useResource';
import { listRecordings } from './api';
import { onTranscription } from './transcription-events';

const STATE: Record<TranscriptionState, string> = {
  recording: 'inspelningen pågår eller avbröts',
  transcribing: 'transkriberas',
  waiting: 'sparad, väntar på taligenkänningsmodell',
  transcribed: 'transkriberad',
  failed: 'transkriberingen misslyckades',
  deleted: 'ljudet är raderat',
};

const what = (r: ListedRecording) => (r.source === 'upload' ? 'Uppladdad ljudfil' : 'Inspelning');

/**
 * The encounter's stored audio and where each transcription stands, read
 * from the server: after a reload the page still says that a recording is
 * kept and waits for a speech model, instead of showing nothing.
 */
export function SavedRecordings({ encounterId }: { encounterId: string }) {
  const saved = useResource(() => listRecordings(encounterId), [encounterId]);
  useEffect(() => onTranscription(encounterId, saved.reload), [encounterId, saved.reload]);
  const recordings = saved.data?.recordings ?? [];
  if (recordings.length === 0) return null;
  return (
    <ul className="saved-recordings" aria-label="Sparade inspelningar">
      {recordings.map((r) => (
        <li key={r.id}>
          {what(r)} från {formatDateTime(r.createdAt)}: {STATE[r.state]}
        </li>
      ))}
    </ul>
  );
}
