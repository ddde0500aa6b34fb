import type { TestCase } from '../../../../server/contracts/testcase';
import { fieldLabel, textAt, type PiiSpan } from './pii-spans';

/**
 * The personal-data refusal, field by field: the text as it was sent with
 * the found span marked, and a button to list the marked text as invented
 * when the designer made it up for the case.
 */
export function PiiHighlights({ spans, sent, onInvented }: { spans: PiiSpan[]; sent: TestCase; onInvented(text: string): void }) {
  if (spans.length === 0) return null;
  return (
    <div className="error-box" role="alert" aria-labelledby="pii-title">
      <p className="error-title" id="pii-title">
        Testfallet sparades inte: något ser ut som personuppgifter
      </p>
      <p>Testfall ska vara påhittade. Ta bort det markerade, eller markera det som påhittat om du har hittat på det.</p>
      <ul className="pii-list">
        {spans.map((span, i) => {
          const text = textAt(sent, span.path);
          const found = text?.slice(span.start, span.end) ?? '';
          return (
            <li key={`${span.path}-${i}`} aria-label={`${fieldLabel(span.path, sent)}: ${span.kind}`}>
              <strong>{fieldLabel(span.path, sent)}</strong> ({span.kind}, tecken {span.start}–{span.end})
              {text !== null && (
                <p className="pii-text">
                  {text.slice(0, span.start)}
                  <mark>{found}</mark>
                  {text.slice(span.end)}
                </p>
              )}
              {found !== '' && (
                <button type="button" className="small" onClick={() => onInvented(found)}>
                  Markera som påhittat
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
