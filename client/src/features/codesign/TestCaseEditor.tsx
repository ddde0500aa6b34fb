import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TestCase } from '../../../../server/contracts/testcase';
import { useNotify } from '../../components/Notifier';
import { useSubmit } from '../../hooks/useSubmit';
import { createTestCase, saveTestCase } from './api';
import { FieldProblems } from './FieldProblems';
import { PiiHighlights } from './PiiHighlights';
import { piiSpans } from './pii-spans';
import type { CaseContext } from './testcase-context';
import { addInvented, formFor, newCase, toTestCase } from './testcase-form';
import { TestCaseForm } from './TestCaseForm';

interface Props {
  groupId: string;
  context: CaseContext;
  /** null for a new case */
  detail: { testCase: { id: string; revision: number }; data: TestCase } | null;
  onReload(): void;
}

/**
 * Holds the form and saves it: a new case is created, an existing one is
 * saved with the revision it was loaded at, so a save over someone else's
 * newer one is refused (409) instead of overwriting it.
 */
export function TestCaseEditor({ groupId, context, detail, onReload }: Props) {
  const [form, setForm] = useState(() => formFor(detail?.data ?? newCase(context.profession), context.headings));
  const [revision, setRevision] = useState(detail?.testCase.revision ?? 0);
  // What the last save sent: the refusal's offsets point into this, not into what was typed since.
  const [sent, setSent] = useState<TestCase | null>(null);
  const notify = useNotify();
  const navigate = useNavigate();
  const save = useSubmit((data: TestCase) => (detail ? saveTestCase(detail.testCase.id, revision, data) : createTestCase(groupId, data)));

  const onSave = async () => {
    const data = toTestCase(form);
    setSent(data);
    const outcome = await save.run(data);
    if (!outcome.ok) return;
    setSent(null);
    if (!detail) {
      notify('Testfallet är sparat.');
      navigate(`/samskapande/testfall/${outcome.value.testCase.id}`, { replace: true });
      return;
    }
    setRevision(outcome.value.testCase.revision);
    notify(`Testfallet är sparat (revision ${outcome.value.testCase.revision}).`);
  };

  const spans = piiSpans(save.error);
  const conflict = save.error?.code === 'revision_conflict';
  return (
    <form
      className="panel testcase-editor"
      aria-label="Testfall"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <TestCaseForm form={form} onChange={setForm} isNew={!detail} />
      {sent && <PiiHighlights spans={spans} sent={sent} onInvented={(text) => setForm((f) => addInvented(f, text))} />}
      {conflict && (
        <div className="error-box" role="alert">
          <p className="error-title">Någon annan har sparat testfallet under tiden</p>
          <p>{save.error?.detail}</p>
          <button type="button" onClick={onReload}>
            Ladda om (dina ändringar här försvinner)
          </button>
        </div>
      )}
      {!conflict && spans.length === 0 && <FieldProblems error={save.error} />}
      <p className="muted">{detail ? `Revision ${revision}` : 'Inte sparat ännu'}</p>
      <button type="submit" disabled={save.busy}>
        Spara testfallet
      </button>
    </form>
  );
}
