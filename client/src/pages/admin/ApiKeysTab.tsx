import { useState, type FormEvent } from 'react';
import { createApiKey, listApiKeys, revokeApiKey } from '../../api/admin';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../../format/dates';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { TableScroll } from '../../components/TableScroll';

/** Keys for the OpenAI-compatible gateway; the server keeps only a hash, so a key is shown once. */
export function ApiKeysTab() {
  const keys = useResource(listApiKeys, []);
  const notify = useNotify();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const create = useSubmit(createApiKey);
  const revoke = useSubmit(revokeApiKey);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await create.run(name);
    if (!outcome.ok) return;
    setName('');
    setSecret({ label: `API-nyckel ”${outcome.value.name}”`, value: outcome.value.key });
    keys.reload();
  };
  const onRevoke = async (id: string, keyName: string) => {
    if (!window.confirm(`Återkalla nyckeln ”${keyName}”? Program som använder den slutar fungera.`)) return;
    if ((await revoke.run(id)).ok) notify('Nyckeln är återkallad.');
    keys.reload();
  };

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API-nycklar</h2>
      {secret && <OneTimeSecret label={secret.label} value={secret.value} onDone={() => setSecret(null)} />}
      <form className="panel" aria-label="Ny API-nyckel" onSubmit={(e) => void onCreate(e)} noValidate>
        <TextField label="Namn på nyckeln" hint="Vilket system eller vem som använder den." value={name} onChange={setName} required errors={create.error?.fieldMessages('name')} />
        <ErrorMessage error={create.error} hideFields={['name']} />
        <button type="submit" disabled={create.busy}>
          Skapa nyckel
        </button>
      </form>
      <ErrorMessage error={keys.error ?? revoke.error} />
      {keys.loading && !keys.data && <Loading />}
      {keys.data && keys.data.apiKeys.length === 0 && <p className="muted">Inga nycklar ännu.</p>}
      {keys.data && keys.data.apiKeys.length > 0 && (
        <TableScroll>
          <table>
            <caption className="visually-hidden">API-nycklar</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Början</th>
                <th scope="col">Skapad</th>
                <th scope="col">Senast använd</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärder</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.apiKeys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? 'inactive' : undefined}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{formatDateTime(k.createdAt)}</td>
                  <td>{formatDateTime(k.lastUsedAt)}</td>
                  <td>{k.revokedAt ? `Återkallad ${formatDateTime(k.revokedAt)}` : 'Aktiv'}</td>
                  <td>
                    {!k.revokedAt && (
                      <button type="button" className="danger small" onClick={() => void onRevoke(k.id, k.name)} aria-label={`Återkalla ${k.name}`}>
                        Återkalla
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
