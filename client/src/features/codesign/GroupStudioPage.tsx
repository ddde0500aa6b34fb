import { Link, useParams } from 'react-router';
import { listGroups } from '../../api/organisation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { GateSettings } from './GateSettings';
import { RoundList } from './RoundList';
import { TestCaseLibrary } from './TestCaseLibrary';
import { TrainingSection } from '../training/TrainingSection';
import { WorkflowList } from './WorkflowList';

/** One working group's studio: its workflows, test cases, rating rounds and promotion gate. */
export function GroupStudioPage() {
  const { groupId = '' } = useParams();
  const groups = useResource(listGroups, []);
  const group = groups.data?.groups.find((g) => g.id === groupId);
  if (groups.loading && !groups.data) return <Loading />;
  return (
    <>
      <p>
        <Link to="/samskapande">← Samskapande</Link>
      </p>
      <h1>{group?.name ?? 'Arbetsgrupp'}</h1>
      <ErrorMessage error={groups.error} />
      <WorkflowList groupId={groupId} />
      <TestCaseLibrary groupId={groupId} />
      <RoundList groupId={groupId} />
      <TrainingSection groupId={groupId} />
      <GateSettings groupId={groupId} />
    </>
  );
}
