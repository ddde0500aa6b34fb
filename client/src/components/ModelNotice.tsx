import { getHealth, type ModelPurpose } from '../api/health';
import { useResource } from '../hooks/useResource';

const CONSEQUENCE: Partial<Record<ModelPurpose, string>> = {
  asr: 'Inspelningar och uppladdningar sparas, men transkriptet skrivs först när modellen finns. Klistra in transkriptet om du behöver det nu.',
  vad: 'Inspelningar och uppladdningar sparas, men kan inte transkriberas förrän modellen finns. Klistra in transkriptet om du behöver det nu.',
};

/**
 * Says before anyone records that a local model the server is configured
 * for is not installed, what still works, and (for whoever runs the server)
 * how to install it. Shows nothing when the models are in place or the
 * status cannot be read: the job's own error still says it then.
 */
export function ModelNotice({ purposes }: { purposes: ModelPurpose[] }) {
  const health = useResource(getHealth, []);
  const missing = (health.data?.models ?? []).filter((m) => m.state === 'missing' && purposes.includes(m.purpose));
  if (missing.length === 0) return null;
  return (
    <div className="notice" role="status">
      {missing.map((m) => (
        <div key={`${m.purpose}-${m.modelId}`}>
          <p>
            <strong>Modellen {m.modelId} är inte installerad på servern.</strong> {CONSEQUENCE[m.purpose] ?? ''}
          </p>
          {m.howToInstall && (
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
