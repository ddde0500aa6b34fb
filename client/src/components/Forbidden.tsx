import { Link } from 'react-router';

/** Same words as the server's 403 problem, so the UI and API agree. */
export function Forbidden() {
  return (
    <section className="panel" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">Saknar behörighet</h1>
      <p>Din roll har inte behörighet till den här sidan. Behöver du den, kontakta administratören.</p>
      <p>
        <Link to="/">Till startsidan</Link>
      </p>
    </section>
  );
}
