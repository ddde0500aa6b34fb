import { NavLink, useLocation } from 'react-router';
import { useResource } from '../../hooks/useResource';
import { myTrainingRounds } from './api';

/** "Övning (n)" in the top menu for anyone in a training round, with the number of cases still to sign in open rounds. */
export function TrainingNavLink() {
  const { pathname } = useLocation();
  const rounds = useResource(myTrainingRounds, [pathname]);
  const all = rounds.data?.rounds ?? [];
  if (all.length === 0) return null;
  const left = all.filter((r) => r.status === 'open').reduce((n, r) => n + r.cases.filter((c) => !c.answered).length, 0);
  return (
    <li>
      <NavLink to="/ovning">{left > 0 ? `Övning (${left})` : 'Övning'}</NavLink>
    </li>
  );
}
