import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { speechProbabilities } from './detect-speech';

/*
 * Worker thread entry: Silero on its own thread. onnxruntime-node runs a
 * session synchronously on the calling thread, so VAD in the main thread
 * would stall Whisper; here it runs on the second core while Whisper works.
 */

const RequestSchema = z.object({ id: z.number().int(), samples: z.instanceof(Float32Array) });

const port = parentPort;
if (!port) throw new Error('vad-worker must run as a worker thread');

port.on('message', (message: unknown) => {
  const { id, samples } = RequestSchema.parse(message);
  speechProbabilities(samples).then(
    (probabilities) => port.postMessage({ id, probabilities }, [probabilities.buffer as ArrayBuffer]),
    // Only the message crosses: no audio or transcript text is in a Silero error.
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
