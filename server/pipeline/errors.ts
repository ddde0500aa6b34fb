import { z } from 'zod';

/**
 * The one error type of the pipeline (audio, ASR, local runtimes, drafting).
 * The pipeline knows nothing of jobs or HTTP: the app turns a PipelineError
 * into a job failure in one place (`asJobFailure`, server/errors.ts) and into
 * problem+json in one place (`pipelineProblem`, server/errors.ts).
 *
 * `message` is Swedish and shown to users as it is (job rows, problem+json):
 * no server paths, no English. `detail` is English for operators (logs).
 * Neither may hold patient data (transcript or note text, audio, names of
 * recordings) or API keys.
 */
export const PipelineErrorCodeSchema = z.enum([
  // audio
  'unsupported_format',
  'corrupt',
  'too_long',
  'too_large',
  'ffmpeg_missing',
  // local models (MODELS_DIR)
  'model_missing',
  'model_load_failed',
  // hosted transcription service
  'hosted_auth',
  'hosted_model_not_found',
  'hosted_too_large',
  'hosted_overloaded',
  'hosted_unavailable',
  'hosted_rejected',
  // hosted chat model (LLM)
  'hosted_unreachable',
  'hosted_model_missing',
  'hosted_rate_limited',
  'hosted_error',
  // the model's answer: refused by the server's own schema check (`problems` says why), or unusable after a repair round
  'output_rejected',
  'invalid_model_output',
  // drafting
  'drafter_unavailable',
  // the caller gave up (cancelled job, client hung up): not a failure to report
  'aborted',
]);
export type PipelineErrorCode = z.infer<typeof PipelineErrorCodeSchema>;

/** Failures that may pass if the same request is tried again later, unchanged. */
const RETRYABLE: ReadonlySet<PipelineErrorCode> = new Set(['hosted_overloaded', 'hosted_unavailable', 'hosted_unreachable', 'hosted_rate_limited']);

export interface PipelineErrorInit {
  /** Swedish, for the user */
  message: string;
  /** English, for operators; no patient data */
  detail: string;
  /** the setting or field at fault, when there is one: "ASR_HOSTED_API_KEY", "MODELS_DIR" */
  field?: string;
  /** what was wrong with a model's answer: paths, keys and ids, never its text */
  problems?: readonly string[];
  cause?: unknown;
}

export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly detail: string;
  readonly field: string | undefined;
  readonly retryable: boolean;
  readonly problems: readonly string[];

  constructor(
    readonly code: PipelineErrorCode,
    init: PipelineErrorInit,
  ) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.detail = init.detail;
    this.field = init.field;
    this.retryable = RETRYABLE.has(code);
    this.problems = init.problems ?? [];
  }
}

export const abortedError = (): PipelineError => new PipelineError('aborted', { message: 'Avbrutet.', detail: 'Aborted by the caller.' });
