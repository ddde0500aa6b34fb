import { Link, Outlet } from 'react-router';
import { useMe } from '../session/SessionContext';
import { TopNav } from './TopNav';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header with the role's homes and the user menu, then the page. */
export function Layout() {
  const me = useMe();
  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Journalverkstan
        </Link>
        <TopNav roles={me.roles} />
        <UserMenu me={me} />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
