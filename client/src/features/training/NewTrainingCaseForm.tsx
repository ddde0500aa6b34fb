import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { listTestCases } from '../codesign/api';
import { createTrainingCase } from './api';

/** "Gör övningsfall": a test case of the library, with its reference note or the newest drafter output as the draft. */
export function NewTrainingCaseForm({ groupId }: { groupId: string }) {
  const cases = useResource(() => listTestCases(groupId), [groupId]);
  const [testCaseId, setTestCaseId] = useState('');
  const [source, setSource] = useState<'reference' | 'drafter'>('reference');
  const create = useSubmit(createTrainingCase);
  const navigate = useNavigate();
  const onCreate = async () => {
    const outcome = await create.run(groupId, testCaseId, source);
    if (outcome.ok) void navigate(`/samskapande/ovningsfall/${outcome.value.trainingCase.id}`);
  };
  return (
    <div>
      <h3>Gör ett övningsfall av ett testfall</h3>
      <div className="form-grid">
        <SelectField label="Testfall" value={testCaseId} emptyLabel="Välj testfall" options={(cases.data?.testCases ?? []).map((c) => ({ value: c.id, label: c.title }))} onChange={setTestCaseId} errors={create.error?.fieldMessages('testCaseId')} />
        <SelectField
          label="Utkast att plantera fel i"
          value={source}
          options={[
            { value: 'reference', label: 'Testfallets referensanteckning' },
            { value: 'drafter', label: 'Senaste körningens AI-utkast' },
          ]}
          onChange={(v) => setSource(v as 'reference' | 'drafter')}
          errors={create.error?.fieldMessages('source')}
        />
      </div>
      <ErrorMessage error={create.error ?? cases.error} hideFields={['testCaseId', 'source']} />
      <button type="button" disabled={create.busy || testCaseId === ''} onClick={() => void onCreate()}>
        Gör övningsfall
      </button>
    </div>
  );
}
