import type { KeyboardEvent } from 'react';

export type ReviewTab = 'draft' | 'transcript';
const TABS: { id: ReviewTab; label: string }[] = [
  { id: 'draft', label: 'Utkast' },
  { id: 'transcript', label: 'Transkript' },
];

/** Draft and transcript as two tabs on a narrow screen (arrow keys move between them, as for any tab list). */
export function ReviewTabs({ tab, onTab }: { tab: ReviewTab; onTab(tab: ReviewTab): void }) {
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = tab === 'draft' ? 'transcript' : 'draft';
    onTab(next);
    document.getElementById(`review-tab-${next}`)?.focus();
  };
  return (
    <div className="review-tabs" role="tablist" aria-label="Granskning" onKeyDown={onKey}>
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`review-tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`review-panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className={tab === t.id ? '' : 'secondary'}
          onClick={() => onTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
