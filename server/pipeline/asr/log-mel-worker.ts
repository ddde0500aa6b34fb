import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { LogMelSpectrogram } from './log-mel';

/*
 * Worker thread entry: Whisper's log-mel features of windows that are about
 * to be transcribed. onnxruntime-node runs a session synchronously on the
 * calling thread, so on the main thread the features of the next batch could
 * only be computed between decoder runs, with the model idle; here they are
 * computed while the current batch decodes.
 */

const RequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('settings'), key: z.number().int(), melFilters: z.array(z.array(z.number())), window: z.instanceof(Float64Array) }),
  z.object({ kind: z.literal('extract'), id: z.number().int(), key: z.number().int(), samples: z.instanceof(Float32Array) }),
  z.object({ kind: z.literal('drop'), key: z.number().int() }),
]);

const port = parentPort;
if (!port) throw new Error('log-mel-worker must run as a worker thread');
const extractors = new Map<number, LogMelSpectrogram>();

port.on('message', (message: unknown) => {
  const request = RequestSchema.parse(message);
  if (request.kind === 'settings') {
    extractors.set(request.key, LogMelSpectrogram.fromSettings(request));
    return;
  }
  if (request.kind === 'drop') {
    extractors.delete(request.key);
    return;
  }
  try {
    const extractor = extractors.get(request.key);
    if (!extractor) throw new Error(`no log-mel settings ${request.key}`);
    // The extractor reuses its output buffer: the reply gets its own copy, moved (not cloned) to the caller.
    const features = extractor.extract(request.samples).data.slice();
    port.postMessage({ id: request.id, features }, [features.buffer]);
  } catch (error) {
    // Only the message crosses: no audio is in it.
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
