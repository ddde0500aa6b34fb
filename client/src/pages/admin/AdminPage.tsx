import { NavLink, Outlet } from 'react-router';

export const ADMIN_TABS = [
  { path: 'anvandare', label: 'Användare' },
  { path: 'yrkesgrupper', label: 'Yrkesgrupper' },
  { path: 'vardenheter', label: 'Vårdenheter' },
  { path: 'arbetsgrupper', label: 'Arbetsgrupper' },
  { path: 'api-nycklar', label: 'API-nycklar' },
  { path: 'modeller', label: 'Modeller' },
  { path: 'atkomstlogg', label: 'Åtkomstlogg' },
  { path: 'demodata', label: 'Demodata' },
] as const;

/**
 * The parts of administration are sub-pages with their own addresses
 * rather than in-page tabs, so each can be linked and the browser's back
 * button works.
 */
export function AdminPage() {
  return (
    <>
      <h1>Administration</h1>
      <nav aria-label="Administrationens delar" className="sub-nav">
        <ul>
          {ADMIN_TABS.map((tab) => (
            <li key={tab.path}>
              <NavLink to={tab.path}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
