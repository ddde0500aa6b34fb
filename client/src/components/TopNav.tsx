import { NavLink } from 'react-router';
import type { Role } from '../../../server/contracts/roles';
import { RatingQueueLink } from '../features/codesign/RatingQueueLink';
import { TrainingNavLink } from '../features/training/TrainingNavLink';
import { homesFor } from '../session/homes';

/**
 * Only the homes the user's roles open, plus the rating queue for raters;
 * NavLink sets aria-current on the active one.
 */
export function TopNav({ roles }: { roles: readonly Role[] }) {
  return (
    <nav aria-label="Huvudmeny" className="top-nav">
      <ul>
        {homesFor(roles).map((home) => (
          <li key={home.path}>
            <NavLink to={home.path}>{home.label}</NavLink>
          </li>
        ))}
        <RatingQueueLink />
        <TrainingNavLink />
      </ul>
    </nav>
  );
}
