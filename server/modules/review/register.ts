import type { AppDeps } from '../../deps';
import { registerDraftJobs } from './draft-job';

/**
 * Drafting: the draft jobs and the shared local chat model's health report
 * and release at shutdown (the /v1 gateway serves that same model).
 */
export function registerDocumentation(deps: AppDeps): void {
  const chatModels = deps.services.localChatModels;
  registerDraftJobs(deps);
  deps.services.modelStatus.push(() => chatModels.report(deps.env.LLM_PROVIDER === 'local'));
  deps.services.disposers.push(() => chatModels.dispose());
}
