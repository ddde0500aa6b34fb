import { PURPOSE_SV, getHealth, type ModelReport } from '../../api/health';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import './models.css';

const STATE_SV: Record<ModelReport['state'], string> = {
  ready: 'Installerad',
  missing: 'Saknas',
  remote: 'Extern tjänst',
  not_needed: 'Används inte',
};

/** The local and hosted models the server is configured for, and how to install a missing one: one card each, readable on a phone. */
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
      <ul className="model-list">
        {health.data.models.map((m) => (
          <li key={`${m.purpose}-${m.modelId}`} className="model-card">
            <h3>{PURPOSE_SV[m.purpose]}</h3>
            <dl>
              <dt>Modell</dt>
              <dd>{m.modelId}</dd>
              <dt>Läge</dt>
              <dd className={`model-state-${m.state}`}>{STATE_SV[m.state]}</dd>
              {m.state === 'missing' && m.howToInstall ? (
                <>
                  <dt className="model-install">Så installeras den</dt>
                  <dd className="model-install">{withCode(m.howToInstall)}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The server writes commands in its install hint between backticks (as in a README); shown as code, not as backticks. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
