import type { ListedRecording, TranscriptionState } from '../../../../server/contracts/api/recordings';
import { formatDateTime } from '../../format/dates';

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
 * The encounter's stored audio and where each transcription stands, as the
 * server states it: after a reload the page still says that a recording is
 * kept and waits for a speech model, instead of showing nothing. The list is
 * the one the documentation section loads (the page reads it once and keeps
 * it current when a transcription starts or ends).
 */
export function SavedRecordings({ recordings }: { recordings: readonly ListedRecording[] }) {
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
