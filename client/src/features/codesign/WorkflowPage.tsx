import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { getWorkflow } from './api';
import { DiffView } from './DiffView';
import { RunsSection } from './RunsSection';
import { VersionHistory } from './VersionHistory';
import { WorkflowEditor } from './WorkflowEditor';

/** One workflow: history and labels, the editor on the latest version, diff, and runs; a new version resets the diff and the run choice to it. */
export function WorkflowPage() {
  const { id = '' } = useParams();
  const detail = useResource(() => getWorkflow(id), [id]);
  const [runsGeneration, setRunsGeneration] = useState(0);
  if (detail.loading && !detail.data) return <Loading />;
  const data = detail.data;
  return (
    <>
      {data?.workflow.group && (
        <p>
          <Link to={`/samskapande/grupp/${data.workflow.group.id}`}>← {data.workflow.group.name}</Link>
        </p>
      )}
      <h1>{data?.workflow.name ?? 'Arbetsflöde'}</h1>
      <ErrorMessage error={detail.error} />
      {data && (
        <>
          <VersionHistory detail={data} onChanged={detail.reload} />
          {/* keys unique among the siblings: the editor and the diff both keyed by the bare version number left the old editor in the page beside the new one after a save */}
          <WorkflowEditor key={`editor-${data.workflow.latestVersion}`} workflowId={id} baseVersion={data.workflow.latestVersion} onSaved={detail.reload} />
          <DiffView key={`diff-${data.workflow.latestVersion}`} workflowId={id} latest={data.workflow.latestVersion} />
          <RunsSection key={`${data.workflow.latestVersion}-${runsGeneration}`} detail={data} onChanged={() => setRunsGeneration((g) => g + 1)} />
        </>
      )}
    </>
  );
}
