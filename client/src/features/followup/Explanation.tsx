/** The plain-Swedish text under a chart: what it measures and how sure it is. */
export function Explanation({ text }: { text: string }) {
  return <p className="muted followup-explanation">{text}</p>;
}
