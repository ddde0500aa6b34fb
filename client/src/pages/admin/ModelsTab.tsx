import { PURPOSE_SV, getHealth, type ModelReport } from '../../api/health';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';

const STATE_SV: Record<ModelReport['state'], string> = {
  ready: 'Installerad',
  missing: 'Saknas',
  remote: 'Extern tjänst',
  not_needed: 'Används inte',
};

/** The local and hosted models the server is configured for, and how to install a missing one. */
export function ModelsTab() {
  const health = useResource(getHealth, []);
  if (!health.data) return health.loading ? <Loading /> : <ErrorMessage error={health.error} />;
  return (
    <section className="panel" aria-labelledby="models-title">
      <h2 id="models-title">Modeller</h2>
      <p className="muted">
        Inga modellvikter följer med arbetsbänken. En saknad modell stoppar ingenting: inklistrade transkript och det extraktiva
        utkastet fungerar ändå.
      </p>
      <div className="table-scroll" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Användning</th>
            <th scope="col">Modell</th>
            <th scope="col">Läge</th>
            <th scope="col">Så installeras den</th>
          </tr>
        </thead>
        <tbody>
          {health.data.models.map((m) => (
            <tr key={`${m.purpose}-${m.modelId}`}>
              <th scope="row">{PURPOSE_SV[m.purpose]}</th>
              <td>{m.modelId}</td>
              <td>{STATE_SV[m.state]}</td>
              <td>{m.state === 'missing' ? (m.howToInstall ?? '') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
