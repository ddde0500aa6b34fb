import { Link } from 'react-router';
import { svNumber } from '../../../../server/contracts/sv-number';
import { useResource } from '../../hooks/useResource';
import { useMe } from '../../session/SessionContext';
import { getDemoPilot } from './api';

/** Says plainly, above the follow-up, that its figures come from an invented pilot, and where an administrator removes it. */
export function DemoPilotBanner() {
  const me = useMe();
  const pilot = useResource(getDemoPilot, []);
  const p = pilot.data?.pilot;
  if (!p) return null;
  return (
    <div className="notice demo-pilot-banner" role="note" aria-label="Påhittad demopilot">
      <strong>Påhittad pilot (demodata).</strong> Siffrorna nedan kommer från {svNumber(p.notes, 0)} syntetiska anteckningar av{' '}
      {svNumber(p.clinicians, 0)} påhittade kliniker {p.from} – {p.to}, så att alla diagram syns från start. Ingen riktig
      vårdpersonal eller patient finns med.{' '}
      {me.roles.includes('admin') ? <Link to="/admin/demodata">Ta bort den påhittade piloten</Link> : 'En administratör tar bort den under Administration › Demodata.'}
    </div>
  );
}
