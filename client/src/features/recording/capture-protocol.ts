/**
 * What the page and the capture worklet say to each other; shared so neither
 * side spells it alone. The page sends the commands; the worklet answers with
 * Float32Array batches of samples and one FLUSHED after each FLUSH.
 */
export const CAPTURE_PROCESSOR = 'journalverkstan-capture';
export type CaptureCommand = 'pause' | 'resume' | 'flush';
export const FLUSHED = 'flushed';
