import type { TranscriptionState } from '../../../../server/contracts/api/recordings';
import { svCount } from '../../../../server/contracts/sv-number';

/** What the recorder says about upload: "1 del väntar", never "1 delar väntar". */
export const savedSentence = (pendingChunks: number): string =>
  pendingChunks === 0 ? 'allt ljud är sparat på servern' : `${svCount(pendingChunks, 'del', 'delar')} väntar på att skickas`;

/** What the page says once a recording is stopped: the server's live state tells whether it is transcribed now or waits for a speech model. */
export function savedMessage(state: TranscriptionState | null): string {
  if (state === 'waiting') return 'Inspelningen är sparad. Väntar på taligenkänningsmodell.';
  if (state === 'recording' || state === 'transcribing') return 'Inspelningen är sparad och transkriberas.';
  // Done or failed: the live transcript below says which; this line must not claim it is still going on.
  return 'Inspelningen är sparad.';
}
