import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * The box every table sits in. A table wider than its box scrolls inside it
 * (the page itself never scrolls sideways), but on a phone that hid whole
 * columns with nothing to say they were there. So when the table is wider
 * than the box, a line above it says so, the row names (first column) stay
 * put while the rest scrolls under them, and the right edge fades until the
 * last column is reached. Measured on the box, not the window, so the same
 * table works full width and in a half-width column; the cards of a
 * `table.cards` (tables.css) never get this far on a phone.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const cueId = useId();
  const [wide, setWide] = useState(false);
  const [atEnd, setAtEnd] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      setWide(el.scrollWidth > el.clientWidth + 1);
      setAtEnd(el.scrollLeft + el.clientWidth >= el.scrollWidth - 1);
    };
    measure();
    // the table grows with its rows (data arriving, a filter changed), the box with the window
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <>
      {wide && (
        <p className="scroll-cue" id={cueId}>
          Tabellen är bredare än rutan: svep eller rulla i sidled för fler kolumner <span aria-hidden="true">→</span>
        </p>
      )}
      <div ref={box} className="table-scroll" tabIndex={0} data-wide={wide || undefined} data-at-end={atEnd || undefined} aria-describedby={wide ? cueId : undefined}>
        {children}
      </div>
    </>
  );
}
