import type { DraftOutput } from '../../contracts/note';
import { JobFailure } from '../../errors';
import type { ChatMessage } from '../llm/chat-model';
import type { DraftRequest, DrafterInfo, NoteDrafter } from './drafter';
import { parseModelOutput } from './parse-output';
import { draftMessages, repairMessages } from './prompt';

/**
 * What one call to a chat model gave: its text, or (from a server that
 * validates structured output itself) a refusal with the validation errors
 * but no text.
 */
export type Completion = { text: string } | { rejected: string[] };

export interface CompletionRequest {
  messages: ChatMessage[];
  request: DraftRequest;
}

/** Errors shown on the job: a few, never transcript text (parse-output guarantees that). */
const SHOWN_ERRORS = 3;

/**
 * The shared loop of the model drafters: prompt → answer → validate → at most
 * one repair round → output or a Swedish `invalid_model_output` failure.
 * Adapters only implement `complete` (one call to their model).
 */
export abstract class ChatDrafter implements NoteDrafter {
  abstract readonly info: DrafterInfo;
  /** repair rounds used by the last draft() call, for the job's timings */
  lastRepairRounds = 0;

  protected abstract complete(call: CompletionRequest): Promise<Completion>;
  abstract dispose(): Promise<void>;

  async draft(request: DraftRequest): Promise<DraftOutput> {
    request.signal?.throwIfAborted();
    const expect = {
      workflow: request.workflow,
      segmentIds: new Set(request.segments.map((s) => s.id)),
      ...(request.onlySections ? { onlySections: request.onlySections } : {}),
    };
    const messages = draftMessages(request.workflow, request.segments, request.onlySections);
    this.lastRepairRounds = 0;
    const first = await this.complete({ messages, request });
    const firstResult = 'text' in first ? parseModelOutput(first.text, expect) : { ok: false as const, errors: first.rejected };
    if (firstResult.ok) return firstResult.output;

    this.lastRepairRounds = 1;
    request.signal?.throwIfAborted();
    const repair = repairMessages(messages, 'text' in first ? first.text : null, firstResult.errors);
    const second = await this.complete({ messages: repair, request });
    const secondResult = 'text' in second ? parseModelOutput(second.text, expect) : { ok: false as const, errors: second.rejected };
    if (secondResult.ok) return secondResult.output;
    const shown = secondResult.errors.slice(0, SHOWN_ERRORS).join(' ');
    const more = secondResult.errors.length > SHOWN_ERRORS ? ` (och ${secondResult.errors.length - SHOWN_ERRORS} fel till)` : '';
    throw new JobFailure(
      'invalid_model_output',
      `Språkmodellens svar gick inte att använda, inte heller efter ett rättningsförsök. ${shown}${more} Transkriptet är sparat; försök igen eller välj en annan utkastmotor.`,
    );
  }
}
