import { z } from 'zod';
import type { WorkflowSpec } from '../../contracts/workflow';
import { JobFailure } from '../../errors';
import type { ChatModel } from '../llm/chat-model';
import type { NoteDrafter } from './drafter';
import { ExtractiveDrafter } from './extractive';
import { HostedDrafter } from './hosted';
import { LocalDrafter } from './local';

/**
 * Picks and builds a NoteDrafter. The model comes from the workflow's model
 * settings when they are for the chosen kind (a working group may pin a
 * model), otherwise from the installation's defaults (LLM_HOSTED_MODEL,
 * LLM_LOCAL_MODEL). Drafters are built per job; the local chat model behind
 * one is shared and owned by the caller's registry.
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
  if (reason !== null) throw new JobFailure('drafter_unavailable', reason);
  const settings = { temperature: workflow.model.temperature, maxTokens: workflow.model.maxTokens };
  switch (kind) {
    case 'extractive':
      return new ExtractiveDrafter();
    case 'local':
      return new LocalDrafter(config.local.chatModel(modelFor('local', workflow, config.local.defaultModelId)), settings);
    case 'hosted':
      return new HostedDrafter({
        baseUrl: config.hosted.baseUrl ?? '',
        // Servers on a closed network often need no key; the SDK insists on one.
        apiKey: config.hosted.apiKey ?? 'ingen-nyckel',
        model: modelFor('hosted', workflow, config.hosted.defaultModel),
        ...settings,
        ...(config.hosted.timeoutMs ? { timeoutMs: config.hosted.timeoutMs } : {}),
        ...(config.hosted.maxRetries !== undefined ? { maxRetries: config.hosted.maxRetries } : {}),
      });
  }
}
