import type { AppDeps } from '../../deps';
import type { RouteDef } from '../../http/route';
import { gatewayChatRoutes } from '../gateway/chat';
import type { ModelStatusProvider } from '../health/routes';
import { registerDraftJobs } from './draft-job';
import { installLocalChatModels } from './local-chat-models';

/**
 * Drafting: the draft jobs, the shared local chat model (its health report
 * and its release at shutdown), and the OpenAI-compatible chat route of the
 * /v1 gateway, which serves that same model.
 */
export function registerDocumentation(deps: AppDeps): void {
  const chatModels = installLocalChatModels(deps);
  registerDraftJobs(deps);
  const services = deps.services as {
    modelStatus?: ModelStatusProvider[];
    disposers?: (() => Promise<void>)[];
    gatewayRoutes?: RouteDef[];
  };
  (services.modelStatus ??= []).push(() => chatModels.report(deps.env.LLM_PROVIDER === 'local'));
  (services.disposers ??= []).push(() => chatModels.dispose());
  (services.gatewayRoutes ??= []).push(...gatewayChatRoutes);
}
