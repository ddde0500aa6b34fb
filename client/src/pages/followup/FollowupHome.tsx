/**
 * The project lead's home. It states what will be measured and shows empty
 * states until real measurements exist: no example figures.
 */
export function FollowupHome() {
  return (
    <>
      <h1>Uppföljning</h1>
      <p className="lead-text">Här följer projektledningen piloten: hur mycket tid AI-stödet sparar och hur bra anteckningarna blir.</p>
      <div className="columns">
        <section className="panel" aria-labelledby="time-title">
          <h2 id="time-title">Tidsåtgång</h2>
          <p>Dokumentationstid per besök med och utan AI-stöd, per yrkesgrupp och vårdenhet.</p>
          <p className="empty">Inga data ännu.</p>
        </section>
        <section className="panel" aria-labelledby="quality-title">
          <h2 id="quality-title">Kvalitet</h2>
          <p>Klinikernas bedömningar av utkasten och hur mycket som ändrades före signering.</p>
          <p className="empty">Inga data ännu.</p>
        </section>
      </div>
    </>
  );
}
