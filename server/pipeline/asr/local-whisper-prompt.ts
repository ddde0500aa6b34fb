/**
 * Whisper's initial prompt (vocabulary from the workflow: drug names, places).
 *
 * transformers.js 4.3.1 declares `prompt_ids` but does not implement it
 * (huggingface/transformers.js#923; PR #1540 open). Its `generate()` does take
 * explicit `decoder_input_ids`, so we build Whisper's training format
 * ourselves:
 *   <|startofprev|> prompt… <|startoftranscript|> <|lang|> <|transcribe|>
 * The pipeline then decodes those prompt tokens together with the first
 * segment's text; `stripPromptEcho` removes that echo again.
 */

/** The part of a tokenizer this module needs (transformers.js PreTrainedTokenizer fits). */
export interface PromptTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
  convert_tokens_to_ids(tokens: string[]): number[];
}

/** Whisper keeps at most n_text_ctx/2 − 1 = 223 prompt tokens (the most recent). */
const MAX_PROMPT_TOKENS = 223;

export interface WhisperPrompt {
  decoderInputIds: number[];
  /** How the prompt reads once decoded: the prefix to strip from the first segment. */
  echo: string;
}

export function buildWhisperPrompt(tokenizer: PromptTokenizer, prompt: string, language: string): WhisperPrompt {
  const promptIds = tokenizer.encode(` ${prompt.trim()}`, { add_special_tokens: false }).slice(-MAX_PROMPT_TOKENS);
  const special = ['<|startofprev|>', '<|startoftranscript|>', `<|${language}|>`, '<|transcribe|>'];
  const ids = tokenizer.convert_tokens_to_ids(special);
  // An unknown special token maps to <|endoftext|> (the unk token): refuse rather than prompt garbage.
  const unk = tokenizer.convert_tokens_to_ids(['<|endoftext|>'])[0];
  const bad = special.find((_, i) => ids[i] === undefined || ids[i] === unk);
  if (bad) throw new Error(`This Whisper tokenizer has no ${bad} token`);
  const [prev, sot, lang, task] = ids as [number, number, number, number];
  return {
    decoderInputIds: [prev, ...promptIds, sot, lang, task],
    echo: tokenizer.decode(promptIds, { skip_special_tokens: true }),
  };
}

/** Removes the decoded prompt from the front of the first chunk. */
export function stripPromptEcho<C extends { text: string }>(chunks: C[], echo: string): C[] {
  const [first, ...rest] = chunks;
  if (!first || echo === '') return chunks;
  if (!first.text.startsWith(echo)) {
    // The tokenizer's clean-up merged prompt and speech differently; never leak the prompt as speech.
    throw new Error('Initial prompt could not be separated from the transcript');
  }
  return [{ ...first, text: first.text.slice(echo.length) }, ...rest];
}
