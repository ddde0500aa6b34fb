import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, JobFailure, asAppError, asJobFailure } from '../../server/errors';
import { PipelineError, PipelineErrorCodeSchema } from '../../server/pipeline/errors';
import { leaseLocalPipeline } from '../../server/pipeline/runtime/local-runtime';
import { requiredModelFiles } from '../../server/pipeline/runtime/model-files';

const failure = (code: PipelineError['code']) => new PipelineError(code, { message: 'Ett fel på svenska.', detail: 'An error in English.' });

describe('one pipeline error, mapped once to jobs and once to HTTP', () => {
  it('gives every code but aborted a job failure with its code and Swedish message', () => {
    for (const code of PipelineErrorCodeSchema.options) {
      const job = asJobFailure(failure(code));
      if (code === 'aborted') expect(job).toBeNull();
      else expect(job).toEqual(expect.objectContaining({ code, message: 'Ett fel på svenska.' }));
    }
    const own = new JobFailure('not_found', 'Finns inte.');
    expect(asJobFailure(own)).toBe(own);
    expect(asJobFailure(new Error('x'))).toBeNull();
  });

  it('answers refused audio as the client’s to fix and a model that cannot run as 503', () => {
    const status = (code: PipelineError['code']) => asAppError(failure(code))?.status;
    expect(status('unsupported_format')).toBe(415);
    expect(status('ffmpeg_missing')).toBe(415);
    expect(status('too_large')).toBe(413);
    expect(status('too_long')).toBe(413);
    expect(asAppError(failure('corrupt'))).toMatchObject({ status: 422, code: 'corrupt_audio', detail: 'Ett fel på svenska.' });
    expect(asAppError(failure('drafter_unavailable'))).toMatchObject({ status: 422, code: 'drafter_unavailable' });
    for (const code of ['model_missing', 'model_load_failed', 'hosted_auth', 'hosted_unavailable'] as const) {
      expect(asAppError(failure(code))).toMatchObject({ status: 503, code, detail: 'Ett fel på svenska.' });
    }
    expect(asAppError(failure('aborted'))).toBeNull();
    const own = new AppError(404, 'not_found', 'Hittades inte');
    expect(asAppError(own)).toBe(own);
    expect(asAppError(new Error('x'))).toBeNull();
  });

  it('marks only passing service trouble as retryable', () => {
    expect(failure('hosted_unavailable').retryable).toBe(true);
    expect(failure('hosted_auth').retryable).toBe(false);
    expect(failure('corrupt').retryable).toBe(false);
  });
});

describe('a model that cannot load', () => {
  it('says so in Swedish, naming the folder under MODELS_DIR and not the server path', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-brokenmodel-'));
    const folder = path.join(modelsDir, 'trasig');
    try {
      // Every required file is there, so the status says ready; the load itself fails.
      for (const file of requiredModelFiles('chat', 'fp32')) {
        await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
        await writeFile(path.join(folder, file), 'inte en modell');
      }
      const lease = await leaseLocalPipeline({ task: 'text-generation', kind: 'chat', modelsDir, modelId: 'trasig', dtype: 'fp32' }, async (): Promise<{ dispose(): Promise<void> }> => {
        throw new Error(`cannot parse ${folder}/config.json`);
      });
      const error = await lease.run(async () => 'never').catch((e: unknown) => e);
      await lease.release();
      expect(error).toBeInstanceOf(PipelineError);
      expect(error).toMatchObject({ code: 'model_load_failed', field: 'MODELS_DIR' });
      const { message } = error as PipelineError;
      expect(message).toMatch(/^Modellen trasig kunde inte laddas\. Kontrollera modellmappen MODELS_DIR\/trasig/);
      expect(message).not.toContain(modelsDir);
      expect(message).not.toMatch(/could not|load/);
      expect(asJobFailure(error)?.message).toBe(message);
    } finally {
      await rm(modelsDir, { recursive: true, force: true });
    }
  });
});
