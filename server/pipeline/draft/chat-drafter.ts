import type { DraftOutput } from '../../contracts/note';
import { PipelineError } from '../errors';
import type { ChatMessage, ChatModel } from '../llm/chat-model';
import type { DraftRequest, DrafterInfo, NoteDrafter } from './drafter';
import { parseModelOutput } from './parse-output';
import { draftJsonSchema, draftMessages, repairMessages } from './prompt';

/** What one call to the model gave: its text, or a refusal with the validation errors but no text. */
type Completion = { text: string } | { rejected: string[] };

/** Errors shown on the job: a few, never transcript text (parse-output guarantees that). */
const SHOWN_ERRORS = 3;

/**
 * The one model drafter, over any ChatModel (local or hosted): prompt →
 * answer → validate → at most one repair round → output or a Swedish
 * `invalid_model_output` PipelineError; the model's own PipelineErrors pass
 * as they are. The model is owned by whoever made it (the local registry shares
 * one per process), so dispose() releases nothing.
 */
export class ChatDrafter implements NoteDrafter {
  readonly info: DrafterInfo;
  /** repair rounds used by the last draft() call, for the job's timings */
  lastRepairRounds = 0;

  constructor(
    private readonly model: ChatModel,
    /** from the workflow version's model settings */
    private readonly settings: { maxTokens: number; temperature: number },
  ) {
    this.info = { drafterId: model.info.chatModelId, modelId: model.info.modelId };
  }

  async draft(request: DraftRequest): Promise<DraftOutput> {
    request.signal?.throwIfAborted();
    const expect = {
      workflow: request.workflow,
      segmentIds: new Set(request.segments.map((s) => s.id)),
      ...(request.onlySections ? { onlySections: request.onlySections } : {}),
    };
    const parse = (c: Completion) => ('text' in c ? parseModelOutput(c.text, expect) : { ok: false as const, errors: c.rejected });
    const messages = draftMessages(request.workflow, request.segments, request.onlySections);
    this.lastRepairRounds = 0;
    const first = await this.complete(messages, request);
    const firstResult = parse(first);
    if (firstResult.ok) return firstResult.output;

    this.lastRepairRounds = 1;
    request.signal?.throwIfAborted();
    const repair = repairMessages(messages, 'text' in first ? first.text : null, firstResult.errors);
    const secondResult = parse(await this.complete(repair, request));
    if (secondResult.ok) return secondResult.output;
    const shown = secondResult.errors.slice(0, SHOWN_ERRORS).join(' ');
    const more = secondResult.errors.length > SHOWN_ERRORS ? ` (och ${secondResult.errors.length - SHOWN_ERRORS} fel till)` : '';
    throw new PipelineError('invalid_model_output', {
      message: `Språkmodellens svar gick inte att använda, inte heller efter ett rättningsförsök. ${shown}${more} Transkriptet är sparat; försök igen eller välj en annan utkastmotor.`,
      detail: `The model's answer was invalid after one repair round (${secondResult.errors.length} problems).`,
      problems: secondResult.errors,
    });
  }

  async dispose(): Promise<void> {
    // The chat model belongs to whoever made it.
  }

  private async complete(messages: ChatMessage[], request: DraftRequest): Promise<Completion> {
    try {
      const result = await this.model.generate(messages, {
        ...this.settings,
        responseSchema: { name: 'journalanteckning', schema: draftJsonSchema(request) },
        ...(request.signal ? { signal: request.signal } : {}),
      });
      return result.text === '' ? { rejected: ['Svaret var tomt.'] } : { text: result.text };
    } catch (error) {
      if (error instanceof PipelineError && error.code === 'output_rejected') return { rejected: [...error.problems] };
      throw error;
    }
  }
}
