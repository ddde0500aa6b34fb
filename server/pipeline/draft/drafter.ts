import type { DraftOutput } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { WorkflowSpec } from '../../contracts/workflow';

export interface DraftRequest {
  workflow: WorkflowSpec;
  segments: TranscriptSegment[];
  /** only these section keys (regenerate one section); all when absent */
  onlySections?: string[];
  signal?: AbortSignal;
}

export interface DrafterInfo {
  drafterId: string; // "extractive:v1", "hosted:<model>", "local:<model>"
  modelId: string | null;
}

/**
 * Turns a transcript into a note in the workflow's sections. Output is
 * validated against DraftOutputSchema by the adapter; evidence verification,
 * alignment and grounding happen after, in one place, for every adapter.
 */
export interface NoteDrafter {
  readonly info: DrafterInfo;
  draft(request: DraftRequest): Promise<DraftOutput>;
  dispose(): Promise<void>;
}
