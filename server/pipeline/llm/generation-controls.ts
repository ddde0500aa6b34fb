import { InterruptableStoppingCriteria, TextStreamer, type PreTrainedTokenizer } from '@huggingface/transformers';

/**
 * Counts tokens as `generate()` streams them: the first batch is the prompt,
 * every later one a generated token. The pipeline returns only text, and
 * re-tokenising that text does not give the generated count back.
 */
export function tokenCounter(
  tokenizer: PreTrainedTokenizer,
  eosIds: ReadonlySet<number>,
): { streamer: TextStreamer; counts: () => { promptTokens: number; completionTokens: number } } {
  let promptTokens: number | null = null;
  const generated: bigint[] = [];
  const streamer = new TextStreamer(tokenizer, {
    callback_function: () => {}, // the default prints to stdout
    token_callback_function: (tokens: bigint[]) => {
      if (promptTokens === null) promptTokens = tokens.length;
      else generated.push(...tokens);
    },
  });
  const counts = (): { promptTokens: number; completionTokens: number } => {
    const last = generated.at(-1);
    const endsWithEos = last !== undefined && eosIds.has(Number(last));
    return { promptTokens: promptTokens ?? 0, completionTokens: generated.length - (endsWithEos ? 1 : 0) };
  };
  return { streamer, counts };
}

/** A stopping criterion that fires when `signal` aborts; `detach` removes the listener. */
export function abortCriterion(signal: AbortSignal | undefined): {
  criterion: InterruptableStoppingCriteria;
  detach: () => void;
} {
  const criterion = new InterruptableStoppingCriteria();
  if (!signal) return { criterion, detach: () => {} };
  const onAbort = (): void => criterion.interrupt();
  if (signal.aborted) criterion.interrupt();
  signal.addEventListener('abort', onAbort, { once: true });
  return { criterion, detach: () => signal.removeEventListener('abort', onAbort) };
}
