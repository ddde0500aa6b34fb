import { getHealth, type ModelPurpose } from '../api/health';
import { useResource } from '../hooks/useResource';
import { useMe } from '../session/SessionContext';

const CONSEQUENCE: Partial<Record<ModelPurpose, string>> = {
  asr: 'Inspelningar och uppladdningar sparas och transkriberas automatiskt när modellen är installerad. Klistra in transkriptet om du behöver det nu.',
  vad: 'Inspelningar och uppladdningar sparas och transkriberas automatiskt när modellen är installerad. Klistra in transkriptet om du behöver det nu.',
};

/**
 * Says before anyone records that a local model the server is configured
 * for is not installed and what still works; an administrator also sees
 * how to install it (server paths are for whoever runs the server, not for
 * clinicians; Administration › Modeller lists them too). Shows nothing when
 * the models are in place or the status cannot be read. The only reader of
 * `/health` on a page: what happens to one recording (e.g. that it waits for
 * the speech model) comes from the server's state of that recording.
 */
export function ModelNotice({ purposes }: { purposes: ModelPurpose[] }) {
  const health = useResource(getHealth, []);
  const missing = (health.data?.models ?? []).filter((m) => m.state === 'missing' && purposes.includes(m.purpose));
  const admin = useMe().roles.includes('admin');
  if (missing.length === 0) return null;
  return (
    <div className="notice" role="status">
      {missing.map((m) => (
        <div key={`${m.purpose}-${m.modelId}`}>
          <p>
            <strong>Modellen {m.modelId} är inte installerad på servern.</strong> {CONSEQUENCE[m.purpose] ?? ''}
          </p>
          {admin && m.howToInstall && (
            <details>
              <summary>Så installeras modellen (för den som sköter servern)</summary>
              <p>{m.howToInstall}</p>
            </details>
          )}
        </div>
      ))}
    </div>
  );
}
