import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { listWorkflows } from './api';
import { WorkflowLabel } from '../../../../server/contracts/status';

export function WorkflowList({ groupId }: { groupId: string }) {
  const workflows = useResource(() => listWorkflows(groupId), [groupId]);
  return (
    <section className="panel" aria-labelledby="workflows-title">
      <h2 id="workflows-title">Arbetsflöden</h2>
      {workflows.loading && !workflows.data && <Loading />}
      <ErrorMessage error={workflows.error} />
      <ul className="plain-list">
        {workflows.data?.workflows.map((w) => (
          <li key={w.id}>
            <span>
              <Link to={`/samskapande/arbetsfloden/${w.id}`}>{w.name}</Link>{' '}
              <span className="muted">
                · senaste version {w.latestVersion}
                {Object.entries(w.labels).map(([label, ref]) => ` · ${WorkflowLabel.labels[label as WorkflowLabel] ?? label}: v${ref.version}`)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
