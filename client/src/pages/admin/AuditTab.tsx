import { useState } from 'react';
import { auditCsvUrl, fetchAudit, listUsers, type AuditQuery } from '../../api/admin';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { AuditQueryForm } from './AuditQueryForm';
import { AuditTable } from './AuditTable';

/** The access-log extract; the CSV link repeats the query the table shows. */
export function AuditTab() {
  const users = useResource(listUsers, []);
  const search = useSubmit(fetchAudit);
  const [shown, setShown] = useState<{ query: AuditQuery; result: Awaited<ReturnType<typeof fetchAudit>> } | null>(null);

  const onSearch = async (query: AuditQuery) => {
    setShown(null);
    const outcome = await search.run(query);
    if (outcome.ok) setShown({ query, result: outcome.value });
  };

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Åtkomstlogg</h2>
      <p className="muted">Vem som har läst eller ändrat vad, och när. Uttaget loggas också.</p>
      <ErrorMessage error={users.error} />
      <AuditQueryForm users={users.data?.users ?? []} busy={search.busy} error={search.error} onSearch={(q) => void onSearch(q)} />
      <ErrorMessage error={search.error} hideFields={['encounterId', 'userId', 'from', 'to']} />
      {shown && (
        <section className="panel" aria-labelledby="audit-result-title">
          <div className="section-head">
            <h3 id="audit-result-title">{shown.result.count} händelser</h3>
            <a className="button secondary" href={auditCsvUrl(shown.query)} download>
              Ladda ner CSV
            </a>
          </div>
          <AuditTable events={shown.result.events} />
        </section>
      )}
    </section>
  );
}
