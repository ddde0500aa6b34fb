/** A span of a section's text to show highlighted: a mark, a planted error, a flag. */
export interface Highlight {
  start: number;
  end: number;
  className: string;
  title?: string;
}

/**
 * One section's text with highlights, as plain text nodes inside one element
 * carrying `data-section`, so a mouse selection in it maps back to character
 * offsets (useDraftSelection). A zero-width highlight (a gap, an insertion
 * point) shows as a caret mark.
 */
export function DraftText({ section, text, highlights }: { section: number; text: string; highlights: readonly Highlight[] }) {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: React.ReactNode[] = [];
  let at = 0;
  sorted.forEach((h, i) => {
    if (h.start < at) return; // overlapping highlights: the first wins
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      h.end === h.start ? (
        <span key={i} className={`${h.className} gap`} title={h.title} aria-label={h.title}>
          ‸
        </span>
      ) : (
        <mark key={i} className={h.className} title={h.title}>
          {text.slice(h.start, h.end)}
        </mark>
      ),
    );
    at = Math.max(at, h.end);
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="draft-text" data-section={section}>
      {text === '' ? <span className="muted">(tomt)</span> : parts}
    </p>
  );
}
