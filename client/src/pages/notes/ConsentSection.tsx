import { recordConsent } from '../../api/encounters';
import type { Encounter } from '../../../../server/contracts/api/encounters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format/dates';
import { useSubmit } from '../../hooks/useSubmit';

/** Recording may start only after the patient has agreed; the time is kept in the access log too. */
export function ConsentSection({ encounter, onChange }: { encounter: Encounter; onChange(encounter: Encounter): void }) {
  const submit = useSubmit(recordConsent);
  const give = async () => {
    const outcome = await submit.run(encounter.id);
    if (outcome.ok) onChange(outcome.value.encounter);
  };
  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">Samtycke</h2>
      {encounter.consentAt ? (
        <p className="ok">Patienten samtyckte till inspelning {formatDateTime(encounter.consentAt)}.</p>
      ) : (
        <>
          <p>Fråga patienten om samtycke till att samtalet spelas in och transkriberas innan du börjar.</p>
          <button type="button" onClick={() => void give()} disabled={submit.busy}>
            Patienten har samtyckt
          </button>
        </>
      )}
      <ErrorMessage error={submit.error} />
    </section>
  );
}
