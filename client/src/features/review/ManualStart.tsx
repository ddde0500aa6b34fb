import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { localMinute } from '../../format/dates';
import { useSubmit } from '../../hooks/useSubmit';
import { sendTimeEvents, startManualDraft, type Workspace } from './api';
import { ConsultationEndedField, WorkflowField } from './fields';

/**
 * Start of a comparison note without AI: when the consultation ended (where
 * the total time starts, as for an AI-assisted note) and the workflow whose
 * headings the clinician writes under. No transcript, no model.
 */
async function startManual(encounterId: string, endedAt: string, workflowVersionId: string) {
  if (endedAt) await sendTimeEvents(encounterId, [{ kind: 'consultation_ended', at: new Date(endedAt).toISOString() }]);
  return startManualDraft(encounterId, workflowVersionId || undefined);
}

export function ManualStart({ workspace, onStarted }: { workspace: Workspace; onStarted(): void }) {
  const [endedAt, setEndedAt] = useState(() => localMinute(new Date()));
  const [workflow, setWorkflow] = useState(workspace.defaultWorkflowVersionId ?? '');
  const submit = useSubmit(startManual);
  return (
    <form
      className="panel"
      aria-labelledby="manual-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await submit.run(workspace.encounter.id, endedAt, workflow)).ok) onStarted();
      }}
    >
      <h2 id="manual-title">Skriv anteckningen själv</h2>
      <p className="muted">
        Jämförelsebesök: du dokumenterar utan AI-stöd, i samma redigerare och med samma tidmätning som med AI-stöd. Det ger baslinjen
        som tidsvinsten räknas mot.
      </p>
      <div className="form-grid">
        <ConsultationEndedField value={endedAt} onChange={setEndedAt} hint="Tiden till signerad anteckning mäts härifrån." errors={submit.error?.fieldMessages('events')} />
        <WorkflowField workspace={workspace} label="Arbetsflöde (rubriker)" value={workflow} onChange={setWorkflow} />
      </div>
      <ErrorMessage error={submit.error} hideFields={['events']} />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? 'Öppnar …' : 'Börja skriva'}
      </button>
    </form>
  );
}
