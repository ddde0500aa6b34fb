import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * A transformers.js cache (`env.customCache`) that answers only for ONNX
 * weight files in the models folder, with their path.
 *
 * Why: transformers.js 4.3.1 wraps every local file it loads in a
 * `FileResponse`, whose constructor starts streaming the whole file into
 * memory at once, although in Node the ONNX files are then handed to
 * onnxruntime by path and the stream is never read. For a model of Whisper
 * tiny's size that is 230 MB read a second time and buffered for nothing,
 * 64 KB per main-thread turn, during the first transcriptions after a load
 * (measured: still reading 20 s later; KB-Whisper small is four times
 * larger). A cache hit that is a string is taken as the file's path, so no
 * `FileResponse` is made.
 *
 * The library asks the cache under the file's remote URL (it looks a hit up
 * again under that key), which for a model given as a folder is
 * `remoteHost` + `remotePathTemplate` with the folder as the model id. Only
 * a key that maps back to an existing weight file inside the models folder
 * is answered; anything else (configs, tokenizers, a key format this code
 * does not know) misses, and transformers.js loads it as it always does.
 */

const WEIGHTS = /\.onnx(_data(_\d+)?)?$/;

export interface HubSettings {
  remoteHost: string;
  remotePathTemplate: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The local file a remote-URL cache key names, when the model id in it is an absolute folder. */
export function localPathOfKey(key: string, hub: HubSettings): string | null {
  const host = hub.remoteHost.replace(/\/+$/, '') + '/';
  if (!key.startsWith(host)) return null;
  const template = escapeRegExp(hub.remotePathTemplate.replace(/^\/+|\/+$/g, ''))
    .replace('\\{model\\}', '(.+)')
    .replace('\\{revision\\}', '[^/]+');
  const match = new RegExp(`^${template}/(.+)$`).exec(key.slice(host.length));
  return match ? path.join('/', match[1]!, match[2]!) : null;
}

export function onnxPathCache(modelsDir: string, hub: () => HubSettings) {
  const root = path.resolve(modelsDir);
  return {
    async match(request: unknown): Promise<string | undefined> {
      if (typeof request !== 'string' || !WEIGHTS.test(request)) return undefined;
      const file = localPathOfKey(request, hub());
      if (!file || path.relative(root, file).startsWith('..')) return undefined;
      const info = await stat(file).catch(() => null);
      return info?.isFile() ? file : undefined;
    },
    /** Nothing is stored: remote downloads are switched off in the server (see local-runtime). */
    async put(): Promise<void> {},
  };
}
