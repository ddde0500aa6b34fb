/**
 * Writes synthetic demo models (no learned weights, scripted output) into a
 * models directory, so the local ASR and chat paths can be run end to end
 * without real weights:
 *
 *   npx tsx scripts/make-synthetic-models.ts --out ./models-demo
 *   npx tsx scripts/make-synthetic-models.ts --out /tmp/bench-models --real-size tiny,base,small
 *
 * synthetic-whisper: low-pitched audio → "Patienten har haft hosta i tre dagar.",
 * high-pitched audio → "Ingen feber. Lungorna låter normala." (two timed segments).
 * synthetic-chat: answers a JSON note; prompts mentioning "diabetes" get another one.
 * --real-size adds synthetic-whisper-<size>-realsize models for ASR benchmarks (large files).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { makeSyntheticChatModel } from '../test/support/synthetic/chat';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../test/support/synthetic/whisper';
import { REAL_WHISPER_SIZES, makeRealSizeWhisper } from '../test/support/synthetic/whisper-real-size';

const ArgsSchema = z.object({
  out: z.string().min(1, '--out <models dir> is required'),
  'real-size': z
    .string()
    .default('')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REAL_WHISPER_SIZES as [string, ...string[]]))),
  tokens: z.coerce.number().int().min(4).max(440).default(150),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'real-size': { type: 'string' }, tokens: { type: 'string' } },
  });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const out = path.resolve(args.out);

  const timed = async (name: string, build: () => Promise<unknown>): Promise<void> => {
    const t0 = performance.now();
    const info = await build();
    console.log(`${name}: ${((performance.now() - t0) / 1000).toFixed(2)} s ${info ? JSON.stringify(info) : ''}`);
  };

  await timed('synthetic-whisper', () =>
    makeSyntheticWhisper({
      dir: path.join(out, 'synthetic-whisper'),
      dims: TINY_SYNTHETIC_DIMS,
      scripts: [
        { segments: [{ start: 0, end: 2.5, text: 'Patienten har haft hosta i tre dagar.' }] },
        {
          segments: [
            { start: 0, end: 1.5, text: 'Ingen feber.' },
            { start: 1.5, end: 3, text: 'Lungorna låter normala.' },
          ],
        },
      ],
    }).then(() => undefined),
  );
  await timed('synthetic-chat', () =>
    makeSyntheticChatModel({
      dir: path.join(out, 'synthetic-chat'),
      script: JSON.stringify({
        sections: { bedomning: 'Sannolikt virusorsakad övre luftvägsinfektion.', planering: 'Egenvård.' },
      }),
      scripts: {
        diabetes: JSON.stringify({ sections: { bedomning: 'Diabetes typ 2, välinställd.', planering: 'Ny kontroll om sex månader.' } }),
      },
    }),
  );
  for (const size of args['real-size']) {
    const id = `synthetic-whisper-${size}-realsize`;
    await timed(id, () =>
      makeRealSizeWhisper({ dir: path.join(out, id), size: size as (typeof REAL_WHISPER_SIZES)[number], tokensPerWindow: args.tokens }),
    );
  }
  console.log(`Models written to ${out} (synthetic: scripted output, no learned weights).`);
}

await main();
