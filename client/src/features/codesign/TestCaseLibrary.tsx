import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { exportUrl, importTestCases, listTestCases } from './api';
import { FieldProblems } from './FieldProblems';
import { SETTING_LABELS } from './testcase-form';
import { TableScroll } from '../../components/TableScroll';

/**
 * The group's synthetic test consultations (each title opens the editor), with JSONL import (a file or
 * pasted text) and export. A refused import lists every problem by line,
 * including where the personal-data check found something.
 */
export function TestCaseLibrary({ groupId }: { groupId: string }) {
  const cases = useResource(() => listTestCases(groupId), [groupId]);
  const notify = useNotify();
  const [jsonl, setJsonl] = useState('');
  const upload = useSubmit(importTestCases);
  const onImport = async () => {
    const outcome = await upload.run(groupId, jsonl);
    if (!outcome.ok) return;
    notify(`Importerade ${outcome.value.created} nya och uppdaterade ${outcome.value.updated} testfall.`);
    setJsonl('');
    cases.reload();
  };
  return (
    <section className="panel" aria-labelledby="cases-title">
      <h2 id="cases-title">Testfall ({cases.data?.testCases.length ?? '…'})</h2>
      {cases.loading && !cases.data && <Loading />}
      <ErrorMessage error={cases.error} />
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>Titel</th>
              <th>Miljö</th>
              <th>Taggar</th>
              <th>Repliker</th>
              <th>Nyckelfakta (kritiska)</th>
            </tr>
          </thead>
          <tbody>
            {cases.data?.testCases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/samskapande/testfall/${c.id}`}>{c.title}</Link>
                </td>
                <td>{SETTING_LABELS[c.setting as keyof typeof SETTING_LABELS] ?? c.setting}</td>
                <td>{c.tags.join(', ')}</td>
                <td>{c.turns}</td>
                <td>
                  {c.keyFacts} ({c.criticalKeyFacts})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <Link to={`/samskapande/grupp/${groupId}/testfall/nytt`}>Nytt testfall</Link>
      </p>
      <p>
        <a href={exportUrl(groupId)} download>
          Exportera testfallen som fil
        </a>
      </p>
      <h3>Importera testfall från fil</h3>
      <p className="hint">
        En fil med ett testfall per rad (<code>.jsonl</code>, samma form som exporten). Personnummer, telefonnummer, e-post och riktiga namn stoppas, om de inte står bland de påhittade
        identifierarna (formulärets Påhittade identifierare; i filen heter listan <code>inventedIdentifiers</code>).
      </p>
      <div className="field">
        <label htmlFor="jsonl-file">Fil</label>
        <input id="jsonl-file" type="file" accept=".jsonl,.ndjson,application/x-ndjson" onChange={(e) => void e.target.files?.[0]?.text().then(setJsonl)} />
      </div>
      <div className="field">
        <label htmlFor="jsonl-text">Eller klistra in</label>
        <textarea id="jsonl-text" rows={4} value={jsonl} onChange={(e) => setJsonl(e.target.value)} />
      </div>
      <FieldProblems error={upload.error} />
      <button type="button" disabled={upload.busy || jsonl.trim() === ''} onClick={() => void onImport()}>
        Importera
      </button>
    </section>
  );
}
