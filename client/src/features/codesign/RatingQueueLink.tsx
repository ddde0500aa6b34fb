import { NavLink, useLocation } from 'react-router';
import { useResource } from '../../hooks/useResource';
import { myRounds } from './api';

/**
 * The top-menu entry to the rating queue. Raters are often clinicians whose
 * roles open no studio page, so the entry appears for anyone who is a rater
 * in an open round; it is fetched again on every page change so a round
 * created meanwhile shows up without a reload.
 */
export function RatingQueueLink() {
  const { pathname } = useLocation();
  const rounds = useResource(myRounds, [pathname]);
  const open = rounds.data?.rounds.filter((r) => r.status === 'open').length ?? 0;
  if (open === 0) return null;
  return (
    <li>
      <NavLink to="/bedomning">
        Bedömning ({open})
      </NavLink>
    </li>
  );
}
