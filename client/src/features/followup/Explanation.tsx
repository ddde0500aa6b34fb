/** How a section's figures are computed and how sure they are, folded away under the chart so the answer comes first. */
export function Explanation({ text, summary = 'Så räknas det' }: { text: string; summary?: string }) {
  return (
    <details className="followup-method">
      <summary>{summary}</summary>
      <p className="muted followup-explanation">{text}</p>
    </details>
  );
}
