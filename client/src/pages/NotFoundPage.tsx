import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="panel" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Sidan finns inte</h1>
      <p>Adressen du försökte nå finns inte i Journalverkstan. Kontrollera länken eller gå till startsidan.</p>
      <p>
        <Link to="/">Till startsidan</Link>
      </p>
    </section>
  );
}
