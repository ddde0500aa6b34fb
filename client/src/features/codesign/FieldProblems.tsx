import type { ApiError } from '../../api/problem';
import { fieldNameSv } from './field-names';

/**
 * A refusal where the field is the information (file line and field, gate
 * criterion): every problem is listed with where it is, in the form's words.
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
              {fieldNameSv(e.field)}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
