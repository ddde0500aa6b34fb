import { Navigate } from 'react-router';
import { startHomeFor } from '../session/homes';
import { useMe } from '../session/SessionContext';

/** "/" sends each user to the first home of their roles. */
export function StartPage() {
  const me = useMe();
  const first = startHomeFor(me.roles);
  if (first) return <Navigate to={first.path} replace />;
  return (
    <section className="panel" aria-labelledby="start-title">
      <h1 id="start-title">Välkommen</h1>
      <p>Ditt konto har ingen roll ännu. Kontakta administratören för att få tillgång.</p>
    </section>
  );
}
