import type { WorkflowSpec } from '../../../contracts/workflow';
import type { AppDeps } from '../../../deps';
import { unprocessable } from '../../../errors';
import type { NoteDrafter } from '../../../pipeline/draft/drafter';
import { createNoteDrafter, DrafterKindSchema, drafterUnavailableReason, type DrafterKind } from '../../../pipeline/draft/factory';
import { drafterConfig } from '../../review/drafting-setup';

export { DrafterKindSchema };

/**
 * The drafter an evaluation run uses: the same factory and installation
 * configuration as clinicians' drafts (server/pipeline/draft/factory.ts), so
 * a run measures what clinicians would get. An unavailable kind is refused,
 * never replaced by another: a run's results must say which drafter made them.
 */
export function drafterForRun(deps: AppDeps, kind: DrafterKind, spec: WorkflowSpec): NoteDrafter {
  const reason = drafterUnavailableReason(kind, drafterConfig(deps));
  if (reason !== null) throw unprocessable(reason, [{ field: 'body.drafter', message: 'Inte tillgänglig' }], 'drafter_unavailable');
  return createNoteDrafter(kind, spec, drafterConfig(deps));
}

/** In the job: the factory throws a PipelineError when the kind became unavailable since the run was queued. */
export function drafterForJob(deps: AppDeps, kind: DrafterKind, spec: WorkflowSpec): NoteDrafter {
  return createNoteDrafter(kind, spec, drafterConfig(deps));
}

export function drafterKindOf(drafterId: string): DrafterKind {
  return DrafterKindSchema.parse(drafterId.split(':')[0]);
}
