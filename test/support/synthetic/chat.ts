import { z } from 'zod';
import { buildScriptedChatModel } from './chat-graph';
import {
  SYNTHETIC_COMMENT,
  copyFixtureFiles,
  encodeExact,
  fixtureTokenizer,
  readFixtureJson,
  writeJson,
  writeOnnx,
} from './fixture-files';

const OptionsSchema = z
  .object({
    dir: z.string().min(1),
    /** Default answer (row 0). */
    script: z.string().min(1).optional(),
    /** Answers keyed by a trigger word in the prompt; the first trigger found (in key order) wins. */
    scripts: z.record(z.string().regex(/^\S+$/, 'a trigger is one word'), z.string().min(1)).optional(),
    layers: z.number().int().positive().default(2),
  })
  .refine((o) => o.script !== undefined || Object.keys(o.scripts ?? {}).length > 0, 'give script or scripts');
export type SyntheticChatOptions = z.input<typeof OptionsSchema>;

const KV_HEADS = 1;
const HEAD_DIM = 4;

/** Answer of a model with no default script when no trigger matches. */
export const NO_TRIGGER_ANSWER = 'Ingen utlösare hittades.';

/**
 * Writes a Llama-type model folder (real SmolLM tokenizer and chat template)
 * whose `onnx/model.onnx` answers with an exact scripted text, token by token,
 * then end-of-sequence. Returns the token count of each answer.
 */
export async function makeSyntheticChatModel(options: SyntheticChatOptions): Promise<{ tokens: Record<string, number> }> {
  const { dir, script, scripts = {}, layers } = OptionsSchema.parse(options);
  const tokenizer = await fixtureTokenizer('smollm-360m-instruct');
  const config = await readFixtureJson('smollm-360m-instruct', 'config.json');
  const eos = z.number().int().parse(config.eos_token_id);
  const vocabSize = z.number().int().parse(config.vocab_size);

  const answers: [string, string][] = [['', script ?? NO_TRIGGER_ANSWER], ...Object.entries(scripts)];
  const rows = answers.map(([, text]) => [...encodeExact(tokenizer, text), eos]);
  const triggers = Object.keys(scripts).map((word) =>
    [word, ` ${word}`].map((spelling) => tokenizer.encode(spelling, { add_special_tokens: false })),
  );

  await writeJson(dir, 'config.json', {
    ...config,
    _comment: SYNTHETIC_COMMENT,
    synthetic: true,
    num_hidden_layers: layers,
    num_attention_heads: KV_HEADS,
    num_key_value_heads: KV_HEADS,
    hidden_size: KV_HEADS * HEAD_DIM,
    head_dim: HEAD_DIM,
    intermediate_size: 4 * KV_HEADS * HEAD_DIM,
  });
  await copyFixtureFiles('smollm-360m-instruct', ['generation_config.json', 'tokenizer.json', 'tokenizer_config.json'], dir);
  await writeOnnx(
    dir,
    'model.onnx',
    buildScriptedChatModel({ layers, kvHeads: KV_HEADS, headDim: HEAD_DIM }, { rows, vocabSize }, triggers),
  );
  return { tokens: Object.fromEntries(answers.map(([key], i) => [key || 'default', (rows[i] as number[]).length - 1])) };
}
