import { useEffect, useState } from 'react';

export interface DraftSelection {
  section: number;
  start: number;
  end: number;
  text: string;
}

/** Characters before (node, offset) inside `root`, counted on text content only (caret marks excluded). */
function offsetIn(root: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  const fragment = range.cloneContents();
  fragment.querySelectorAll('.gap').forEach((g) => g.remove());
  return fragment.textContent?.length ?? 0;
}

/**
 * The text the user has selected in one section of the draft (an element
 * with `data-section` inside `root`), as offsets into that section's text;
 * null when nothing, or something spanning two sections, is selected.
 */
export function useDraftSelection(root: React.RefObject<HTMLElement | null>): [DraftSelection | null, () => void] {
  const [selection, setSelection] = useState<DraftSelection | null>(null);
  useEffect(() => {
    const update = () => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root.current) return;
      const range = sel.getRangeAt(0);
      const el = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('[data-section]');
      const host = el(range.startContainer);
      if (!host || host !== el(range.endContainer) || !root.current.contains(host)) return;
      const start = offsetIn(host, range.startContainer, range.startOffset);
      const end = offsetIn(host, range.endContainer, range.endOffset);
      if (end > start) setSelection({ section: Number(host.getAttribute('data-section')), start, end, text: range.toString() });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [root]);
  return [selection, () => setSelection(null)];
}
