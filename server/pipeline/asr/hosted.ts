import OpenAI, { toFile } from 'openai';
import { z } from 'zod';
import type { TranscriberInfo, TranscriptSegment } from '../../contracts/transcript';
import { PipelineError } from '../errors';
import { mapHostedError } from './hosted-errors';
import { encodeWav16 } from '../audio/wav-encode';
import type { ModelStatus } from '../runtime/model-status';
import type { PcmAudio, TranscribeOptions, Transcriber } from './transcriber';

export const HostedTranscriberOptionsSchema = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1).max(200),
  /** per attempt; the SDK retries 408/409/429/5xx and timeouts with exponential backoff */
  timeoutMs: z.number().int().positive().default(120_000),
  maxRetries: z.number().int().min(0).max(10).default(3),
});
export type HostedTranscriberOptions = z.input<typeof HostedTranscriberOptionsSchema>;

/** The parts of an OpenAI-compatible answer we use; services differ in the rest. */
const AnswerSchema = z.union([
  z.object({
    text: z.string(),
    segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })).optional(),
  }),
  z.string(),
]);

const SAMPLE_RATE = 16_000;

/**
 * Any OpenAI-compatible speech service (`/audio/transcriptions`), one window
 * per request as a 16 kHz WAV. Asks for `verbose_json` to get segment times;
 * a service without it answers plain text, which becomes one segment for the
 * window. Errors become a `PipelineError` with a Swedish message.
 */
export class HostedTranscriber implements Transcriber {
  readonly info: TranscriberInfo;
  private readonly client: OpenAI;
  private readonly options: z.output<typeof HostedTranscriberOptionsSchema>;
  /** false once the service refused verbose_json; then plain json is asked for */
  private verbose = true;

  constructor(options: HostedTranscriberOptions) {
    this.options = HostedTranscriberOptionsSchema.parse(options);
    this.client = new OpenAI({
      baseURL: this.options.baseUrl,
      // Self-hosted services often need no key; the SDK insists on one.
      apiKey: this.options.apiKey ?? 'no-key',
      timeout: this.options.timeoutMs,
      maxRetries: this.options.maxRetries,
    });
    this.info = {
      transcriberId: `hosted:${this.options.model}`,
      modelId: this.options.model,
      settings: { baseUrl: this.options.baseUrl, responseFormat: 'verbose_json', timestamps: 'segment' },
    };
  }

  async status(): Promise<ModelStatus> {
    return { state: 'remote', modelId: this.options.model, baseUrl: this.options.baseUrl };
  }

  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    if (audio.sampleRate !== SAMPLE_RATE || audio.samples.length === 0) {
      throw new PipelineError('hosted_rejected', { message: 'Tomt eller felaktigt ljudfönster.', detail: `A window must be non-empty ${SAMPLE_RATE} Hz audio.` });
    }
    const duration = audio.samples.length / SAMPLE_RATE;
    const wav = encodeWav16([audio.samples], SAMPLE_RATE);
    let answer: unknown;
    try {
      answer = await this.request(wav, options);
    } catch (error) {
      throw mapHostedError(error, this.options.model);
    }
    const parsed = AnswerSchema.safeParse(answer);
    if (!parsed.success) {
      throw new PipelineError('hosted_rejected', { message: 'Transkriberingstjänsten svarade i ett okänt format.', detail: 'Hosted transcription service: unknown answer format.' });
    }
    const value = parsed.data;
    const pieces =
      typeof value === 'string'
        ? [{ start: 0, end: duration, text: value }]
        : (value.segments ?? [{ start: 0, end: duration, text: value.text }]);
    return toSegments(pieces, duration, options.offsetSeconds ?? 0, options.speaker ?? null);
  }

  async dispose(): Promise<void> {
    // Stateless: every request opens its own connection through fetch.
  }

  private async request(wav: Uint8Array, options: TranscribeOptions): Promise<unknown> {
    const base = {
      model: this.options.model,
      language: options.language,
      ...(options.prompt?.trim() ? { prompt: options.prompt } : {}),
    };
    const send = async (format: 'verbose_json' | 'json') =>
      this.client.audio.transcriptions.create(
        { ...base, file: await toFile(wav, 'window.wav', { type: 'audio/wav' }), response_format: format },
        { signal: options.signal },
      );
    if (!this.verbose) return send('json');
    try {
      return await send('verbose_json');
    } catch (error) {
      // Some compatible services accept only json/text: ask again without segments.
      if (error instanceof OpenAI.BadRequestError && /response_format|verbose/i.test(error.message)) {
        this.verbose = false;
        return send('json');
      }
      throw error;
    }
  }
}

function toSegments(
  pieces: readonly { start: number; end: number; text: string }[],
  duration: number,
  offset: number,
  speaker: string | null,
): TranscriptSegment[] {
  const round = (t: number) => Math.round((t + offset) * 1000) / 1000;
  return pieces
    .map((p) => ({ ...p, text: p.text.trim() }))
    .filter((p) => p.text !== '')
    .map((p, i) => {
      const start = Math.max(0, Math.min(p.start, duration));
      const end = Math.max(start, Math.min(p.end, duration));
      return { id: `s${i + 1}`, start: round(start), end: round(end), speaker, text: p.text };
    });
}
