import type { ApiError } from '../../api/problem';

/**
 * A refusal where the field path is the information (JSONL line and field,
 * gate criterion): every problem is listed with where it is.
 */
export function FieldProblems({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{error.title}</p>
      {error.detail && <p>{error.detail}</p>}
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
