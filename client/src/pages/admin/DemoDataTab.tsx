import { useState } from 'react';
import { svNumber } from '../../../../server/contracts/sv-number';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { getDemoPilot, removeDemoPilot } from '../../features/demo/api';

/** The invented pilot of the demo workspace, and its removal in one step (after a confirmation). */
export function DemoDataTab() {
  const pilot = useResource(getDemoPilot, []);
  const remove = useSubmit(removeDemoPilot);
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  if (!pilot.data) return pilot.loading ? <Loading /> : <ErrorMessage error={pilot.error} />;
  const p = pilot.data.pilot;
  const onRemove = async () => {
    const outcome = await remove.run();
    if (!outcome.ok) return;
    notify(`Den påhittade piloten är borttagen: ${svNumber(outcome.value.removed.notes, 0)} anteckningar och ${svNumber(outcome.value.removed.clinicians, 0)} påhittade kliniker.`);
    setConfirming(false);
    pilot.reload();
  };
  return (
    <section className="panel" aria-labelledby="demo-title">
      <h2 id="demo-title">Demodata</h2>
      {p === null ? (
        <p>Ingen påhittad pilot finns. Uppföljningen visar bara anteckningar som signerats här.</p>
      ) : (
        <>
          <p>
            Demoarbetsytan har en påhittad pilot så att uppföljningens diagram syns från start: {svNumber(p.notes, 0)} syntetiska
            anteckningar med och utan AI-stöd av {svNumber(p.clinicians, 0)} påhittade kliniker i alla yrkesgrupper, {p.from} – {p.to}, med
            betyg och {svNumber(p.surveys, 0)} enkätsvar. Demoanvändarna, arbetsflödena och testfallen påverkas inte av att piloten tas bort.
          </p>
          <ErrorMessage error={remove.error} />
          {confirming ? (
            <div className="notice" role="alertdialog" aria-labelledby="demo-confirm">
              <p id="demo-confirm">Ta bort den påhittade piloten? Det går inte att ångra.</p>
              <div className="row-actions">
                <button type="button" className="danger-button" disabled={remove.busy} onClick={() => void onRemove()}>
                  Ja, ta bort piloten
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  Avbryt
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Ta bort den påhittade piloten
            </button>
          )}
        </>
      )}
    </section>
  );
}
