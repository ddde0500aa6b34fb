import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/**
 * What went wrong with a hosted transcription service, in words a clinician
 * or an operator can act on. Messages name the service's answer, never the
 * audio or its text, and never the API key.
 */
export type HostedAsrErrorCode =
  | 'hosted_auth'
  | 'hosted_model_not_found'
  | 'hosted_too_large'
  | 'hosted_overloaded'
  | 'hosted_unavailable'
  | 'hosted_rejected'
  | 'aborted';

export class HostedAsrError extends Error {
  override readonly name = 'HostedAsrError';
  constructor(
    readonly code: HostedAsrErrorCode,
    message: string,
    /** the provider's HTTP status, when it answered */
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The SDK's errors (after its own retries) → one HostedAsrError with a Swedish message. */
export function mapHostedError(error: unknown, model: string): HostedAsrError {
  if (error instanceof HostedAsrError) return error;
  if (error instanceof APIUserAbortError) return new HostedAsrError('aborted', 'Avbrutet.', null);
  if (error instanceof APIConnectionTimeoutError) {
    return new HostedAsrError('hosted_unavailable', 'Transkriberingstjänsten svarar inte (tidsgränsen nåddes). Försök igen senare.', null);
  }
  if (error instanceof APIConnectionError) {
    return new HostedAsrError('hosted_unavailable', 'Transkriberingstjänsten svarar inte (ingen anslutning). Kontrollera ASR_HOSTED_BASE_URL eller försök igen senare.', null);
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 401 || status === 403) {
      return new HostedAsrError('hosted_auth', 'Transkriberingstjänsten godtog inte API-nyckeln (fel API-nyckel). Kontrollera ASR_HOSTED_API_KEY.', status);
    }
    if (status === 404) {
      return new HostedAsrError('hosted_model_not_found', `Modellen ${model} finns inte hos transkriberingstjänsten. Kontrollera ASR_HOSTED_MODEL.`, status);
    }
    if (status === 413) return new HostedAsrError('hosted_too_large', 'Ljudet är för stor fil för transkriberingstjänsten.', status);
    if (status === 429) return new HostedAsrError('hosted_overloaded', 'Transkriberingstjänsten är överbelastad just nu. Försök igen om en stund.', status);
    if (status >= 500) return new HostedAsrError('hosted_unavailable', `Transkriberingstjänsten svarar inte (fel ${status}). Försök igen senare.`, status);
    return new HostedAsrError('hosted_rejected', `Transkriberingstjänsten avvisade begäran (fel ${status}).`, status);
  }
  return new HostedAsrError('hosted_unavailable', 'Transkriberingstjänsten svarar inte.', null);
}
