import type { Request, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { TranscriptionAnswerSchema } from '../../contracts/api/gateway';
import { AppError, badRequest, serviceUnavailable } from '../../errors';
import { rawReply, route, type RouteDef } from '../../http/route';
import { localTranscriber } from '../recordings/transcriber';
import { transcribeRecording } from '../../pipeline/asr/transcribe-recording';
import { gatewayHandler } from './auth-errors';

/**
 * `/v1/audio/transcriptions` in OpenAI's format, served by the local Whisper
 * (ASR_MODEL from MODELS_DIR) through the whole pipeline: decode (any
 * accepted format) → Silero VAD → ≤ 30 s windows → Whisper. Other regional
 * tools, and this project's own hosted transcriber in tests, use it as any
 * OpenAI-compatible speech endpoint. Errors come back as `{ error: {…} }`.
 */
const FieldsSchema = z.object({
  model: z.string().min(1).max(200),
  language: z.string().regex(/^[a-z]{2,3}$/).optional(),
  prompt: z.string().max(4000).optional(),
  response_format: z.enum(['json', 'text', 'verbose_json']).default('json'),
  temperature: z.coerce.number().min(0).max(1).optional(),
});

function parseMultipart(req: Request, res: Response, maxMb: number): Promise<void> {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 20 } }).single('file');
  return new Promise((resolve, reject) =>
    upload(req, res, (error: unknown) => {
      if (!error) return resolve();
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
        return reject(new AppError(413, 'too_large', 'För stor', `Ljudfilen är för stor. Högst ${maxMb} MB tas emot.`));
      }
      reject(badRequest(`Begäran kunde inte läsas som multipart/form-data (${error instanceof multer.MulterError ? error.code : 'fel format'}).`));
    }),
  );
}

async function transcribe(deps: AppDeps, file: Uint8Array, fields: z.infer<typeof FieldsSchema>, signal: AbortSignal) {
  const transcriber = localTranscriber(deps);
  if (fields.model !== deps.env.ASR_MODEL) {
    throw new AppError(404, 'model_not_found', 'Modellen finns inte', `Modellen "${fields.model.slice(0, 80)}" finns inte här; tillgänglig: ${deps.env.ASR_MODEL}.`);
  }
  const status = await transcriber.status();
  if (status.state === 'missing') throw serviceUnavailable(status.howToInstall, 'model_missing');
  const language = fields.language ?? deps.env.ASR_LANGUAGE;
  // A refused file or a model that cannot load throws a PipelineError, which gatewayHandler answers in OpenAI's shape.
  const result = await transcribeRecording({
    audio: file,
    transcriber,
    language,
    prompt: fields.prompt,
    decode: { maxBytes: deps.env.UPLOAD_MAX_MB * 1024 * 1024, maxSeconds: deps.env.AUDIO_MAX_MINUTES * 60 },
    signal,
  });
  return { result, language };
}

export const gatewayAudioRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/audio/transcriptions',
    response: TranscriptionAnswerSchema,
    // Authenticated by API key inside gatewayHandler, so that failures come back in OpenAI's error shape.
    access: 'public',
    summary: 'OpenAI-kompatibel transkribering med den lokala Whisper-modellen',
    rawBody: 'multipart',
    handler: gatewayHandler(null, async ({ deps, req, res }) => {
      await parseMultipart(req, res, deps.env.UPLOAD_MAX_MB);
      if (!req.file) throw badRequest('Fältet file saknas: skicka ljudet som multipart/form-data.', [{ field: 'body.file', message: 'Saknas' }]);
      const parsed = FieldsSchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        throw badRequest('Några fält har fel värden.', parsed.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), message: i.message })));
      }
      // A client that hangs up stops the transcription instead of keeping a core busy.
      const controller = new AbortController();
      const onClose = () => {
        if (!res.writableFinished) controller.abort();
      };
      res.on('close', onClose);
      try {
        const file = req.file.buffer;
        const { result, language } = await transcribe(deps, new Uint8Array(file.buffer, file.byteOffset, file.byteLength), parsed.data, controller.signal);
        const text = result.segments.map((s) => s.text).join(' ');
        if (parsed.data.response_format === 'text') return rawReply(text, { 'Content-Type': 'text/plain; charset=utf-8' });
        if (parsed.data.response_format === 'json') return { text };
        return {
          task: 'transcribe',
          language,
          duration: result.durationSeconds,
          text,
          segments: result.segments.map((s, i) => ({ id: i, start: s.start, end: s.end, text: s.text, ...(s.speaker ? { speaker: s.speaker } : {}) })),
        };
      } finally {
        res.off('close', onClose);
      }
    }),
  }),
];
