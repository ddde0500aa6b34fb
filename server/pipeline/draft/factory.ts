import { z } from 'zod';
import type { WorkflowSpec } from '../../contracts/workflow';
import { PipelineError } from '../errors';
import type { ChatModel } from '../llm/chat-model';
import { HostedChatModel } from '../llm/hosted-chat';
import { ChatDrafter } from './chat-drafter';
import type { NoteDrafter } from './drafter';
import { ExtractiveDrafter } from './extractive';

/**
 * Picks and builds a NoteDrafter. The model comes from the workflow's model
 * settings when they are for the chosen kind (a working group may pin a
 * model), otherwise from the installation's defaults (LLM_HOSTED_MODEL,
 * LLM_LOCAL_MODEL). Drafters are built per job; both model kinds go through
 * the one ChatDrafter. The local chat model behind one is shared and owned
 * by the caller's registry; a hosted one holds nothing to release.
 */
export const DrafterKindSchema = z.enum(['extractive', 'hosted', 'local']);
export type DrafterKind = z.infer<typeof DrafterKindSchema>;

export interface DrafterConfig {
  hosted: { baseUrl: string | undefined; apiKey: string | undefined; defaultModel: string; timeoutMs?: number; maxRetries?: number };
  local: { defaultModelId: string; chatModel: (modelId: string) => ChatModel };
}

/** Why a kind cannot be used here (Swedish, for the user), or null. */
export function drafterUnavailableReason(kind: DrafterKind, config: DrafterConfig): string | null {
  if (kind === 'hosted' && !config.hosted.baseUrl) {
    return 'Ingen extern språkmodelltjänst är inställd på servern. Välj den extraktiva utkastmotorn.';
  }
  return null;
}

function modelFor(kind: DrafterKind, workflow: WorkflowSpec, fallback: string): string {
  return workflow.model.provider === kind && workflow.model.model ? workflow.model.model : fallback;
}

export function createNoteDrafter(kind: DrafterKind, workflow: WorkflowSpec, config: DrafterConfig): NoteDrafter {
  const reason = drafterUnavailableReason(kind, config);
  if (reason !== null) {
    throw new PipelineError('drafter_unavailable', { message: reason, detail: `Drafter '${kind}' is not configured on this server.`, field: 'LLM_HOSTED_BASE_URL' });
  }
  const settings = { temperature: workflow.model.temperature, maxTokens: workflow.model.maxTokens };
  switch (kind) {
    case 'extractive':
      return new ExtractiveDrafter();
    case 'local':
      return new ChatDrafter(config.local.chatModel(modelFor('local', workflow, config.local.defaultModelId)), settings);
    case 'hosted': {
      const model = new HostedChatModel({
        baseUrl: config.hosted.baseUrl ?? '',
        // Servers on a closed network often need no key; the SDK insists on one.
        apiKey: config.hosted.apiKey ?? 'ingen-nyckel',
        model: modelFor('hosted', workflow, config.hosted.defaultModel),
        ...(config.hosted.timeoutMs ? { timeoutMs: config.hosted.timeoutMs } : {}),
        ...(config.hosted.maxRetries !== undefined ? { maxRetries: config.hosted.maxRetries } : {}),
      });
      return new ChatDrafter(model, settings);
    }
  }
}
