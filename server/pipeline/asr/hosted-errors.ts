import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { PipelineError, abortedError } from '../errors';

/**
 * The SDK's errors (after its own retries) → one PipelineError a clinician
 * or an operator can act on. Messages name the service's answer and the
 * setting to check, never the audio or its text, and never the API key.
 */
export function mapHostedError(error: unknown, model: string): PipelineError {
  if (error instanceof PipelineError) return error;
  if (error instanceof APIUserAbortError) return abortedError();
  if (error instanceof APIConnectionTimeoutError) {
    return hosted('hosted_unavailable', 'Transkriberingstjänsten svarar inte (tidsgränsen nåddes). Försök igen senare.', 'timed out');
  }
  if (error instanceof APIConnectionError) {
    return hosted(
      'hosted_unavailable',
      'Transkriberingstjänsten svarar inte (ingen anslutning). Kontrollera ASR_HOSTED_BASE_URL eller försök igen senare.',
      'no connection',
      'ASR_HOSTED_BASE_URL',
    );
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const answered = `answered HTTP ${status}`;
    if (status === 401 || status === 403) {
      return hosted('hosted_auth', 'Transkriberingstjänsten godtog inte API-nyckeln (fel API-nyckel). Kontrollera ASR_HOSTED_API_KEY.', answered, 'ASR_HOSTED_API_KEY');
    }
    if (status === 404) {
      return hosted('hosted_model_not_found', `Modellen ${model} finns inte hos transkriberingstjänsten. Kontrollera ASR_HOSTED_MODEL.`, answered, 'ASR_HOSTED_MODEL');
    }
    if (status === 413) return hosted('hosted_too_large', 'Ljudet är för stor fil för transkriberingstjänsten.', answered);
    if (status === 429) return hosted('hosted_overloaded', 'Transkriberingstjänsten är överbelastad just nu. Försök igen om en stund.', answered);
    if (status >= 500) return hosted('hosted_unavailable', `Transkriberingstjänsten svarar inte (fel ${status}). Försök igen senare.`, answered);
    return hosted('hosted_rejected', `Transkriberingstjänsten avvisade begäran (fel ${status}).`, answered);
  }
  return hosted('hosted_unavailable', 'Transkriberingstjänsten svarar inte.', 'unexpected failure');
}

function hosted(code: PipelineError['code'], message: string, what: string, field?: string): PipelineError {
  return new PipelineError(code, { message, detail: `Hosted transcription service: ${what}.`, ...(field ? { field } : {}) });
}
