import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useSubmit } from '../../hooks/useSubmit';
import { DRAFTER_LABELS } from '../../format/drafters';
import { startDraft, type DrafterKind, type Workspace } from './api';
import { WorkflowField } from './fields';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/**
 * Choose workflow (produktion by default) and drafter, start the drafting
 * job, follow its progress. Engines the server cannot run now are shown
 * disabled with the reason, so nobody picks one that fails after a click.
 */
export function StartDraft({ workspace, onDrafted }: { workspace: Workspace; onDrafted(): void }) {
  const [workflow, setWorkflow] = useState(workspace.defaultWorkflowVersionId ?? '');
  const [drafter, setDrafter] = useState<DrafterKind>('extractive');
  const options = workspace.drafters.map((d) => ({
    value: d.kind,
    label: d.unavailableReason ? `${DRAFTER_LABELS[d.kind]} (inte tillgänglig)` : DRAFTER_LABELS[d.kind],
    disabled: d.unavailableReason !== null,
  }));
  const reasons = workspace.drafters.filter((d) => d.unavailableReason).map((d) => `${DRAFTER_LABELS[d.kind]}: ${d.unavailableReason}`);
  const [jobId, setJobId] = useState<string | null>(null);
  const submit = useSubmit(startDraft);
  const { job, error } = useJob(jobId, onDrafted);
  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  return (
    <form
      className="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        const started = await submit.run(workspace.encounter.id, { drafter, ...(workflow ? { workflowVersionId: workflow } : {}) });
        if (started.ok) setJobId(started.value.jobId);
      }}
    >
      <h2>Skapa utkast</h2>
      <div className="form-grid">
        <WorkflowField workspace={workspace} label="Arbetsflöde" value={workflow} onChange={setWorkflow} />
        <SelectField label="Utkastmotor" value={drafter} onChange={(v) => setDrafter(v as DrafterKind)} options={options} hint={reasons.join(' ') || undefined} />
      </div>
      <ErrorMessage error={submit.error} />
      <JobProgress job={job} error={error} label="Utkastet" />
      <button type="submit" disabled={submit.busy || running}>
        {running ? 'Skriver utkast …' : 'Skapa utkast'}
      </button>
    </form>
  );
}
