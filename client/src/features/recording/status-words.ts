import { svCount } from '../../../../server/contracts/sv-number';

/** What the recorder says about upload: "1 del väntar", never "1 delar väntar". */
export const savedSentence = (pendingChunks: number): string =>
  pendingChunks === 0 ? 'allt ljud är sparat på servern' : `${svCount(pendingChunks, 'del', 'delar')} väntar på att skickas`;
