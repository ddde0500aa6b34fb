/**
 * The one error type of the evaluation harness: its message is safe to show
 * (paths, counts, column names — never note or transcript text), so the CLI
 * prints it as one line and exits non-zero.
 */
export class EvalError extends Error {
  override readonly name = 'EvalError';
}
