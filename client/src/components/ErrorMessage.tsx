import { fieldName, fieldPath, type ApiError } from '../api/problem';

/**
 * Shows a problem from the server as it came (title and detail are Swedish).
 * Field messages that a form field shows itself (hideFields) are left out,
 * and so is the detail then, since it repeats them; the rest are listed.
 * role="alert" makes screen readers announce it when it appears.
 */
export function ErrorMessage({ error, hideFields = [] }: { error: ApiError | null; hideFields?: string[] }) {
  if (!error) return null;
  // a form names a field by its name ("message") or, inside nested bodies, by its path ("spec.model.temperature")
  const loose = error.errors.filter((e) => !hideFields.includes(fieldName(e)) && !hideFields.includes(fieldPath(e)));
  const claimed = error.errors.length - loose.length;
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{error.title}</p>
      {claimed > 0 ? <p>Rätta de markerade fälten.</p> : error.detail && <p>{error.detail}</p>}
      {loose.length > 0 && (
        <ul>
          {loose.map((e, i) => (
            <li key={`${e.field}-${i}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {error.status >= 500 && error.requestId && <p className="muted">Fel-id: {error.requestId}</p>}
    </div>
  );
}
