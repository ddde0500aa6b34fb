import type { Mark } from '../../../../server/contracts/training';
import { ERROR_KIND_SV } from './kinds';

/** The reviewer's marks so far, each removable before signing. */
export function MarksList({ marks, draft, onRemove }: { marks: readonly Mark[]; draft: readonly { heading: string; text: string }[]; onRemove(index: number): void }) {
  if (marks.length === 0) return <p className="muted">Inga markeringar ännu. Hittar du inga fel kan du signera ändå.</p>;
  return (
    <ul className="mark-list" aria-label="Mina markeringar">
      {marks.map((m, i) => (
        <li key={i}>
          {m.type === 'span' ? (
            <>
              <strong>{ERROR_KIND_SV[m.kind]}</strong> under {draft[m.section]?.heading}: <q>{draft[m.section]?.text.slice(m.start, m.end)}</q>
            </>
          ) : (
            <>
              <strong>Saknas</strong>
              {m.section !== null && ` under ${draft[m.section]?.heading}`}: {m.text}
            </>
          )}{' '}
          <button type="button" className="small secondary" onClick={() => onRemove(i)}>
            Ta bort
          </button>
        </li>
      ))}
    </ul>
  );
}
