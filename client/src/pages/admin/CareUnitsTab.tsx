import { createCareUnit, listCareUnits } from '../../api/organisation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { CodeNameForm } from './CodeNameForm';

export function CareUnitsTab() {
  const units = useResource(listCareUnits, []);
  const notify = useNotify();
  const create = useSubmit(createCareUnit);
  const onCreate = async (code: string, name: string) => {
    const outcome = await create.run(code, name);
    if (!outcome.ok) return false;
    notify(`Vårdenheten ${outcome.value.careUnit.name} är tillagd.`);
    units.reload();
    return true;
  };
  return (
    <section aria-labelledby="units-title">
      <h2 id="units-title">Vårdenheter</h2>
      {units.loading && !units.data && <Loading />}
      <ErrorMessage error={units.error} />
      <ul className="plain-list">
        {units.data?.careUnits.map((u) => (
          <li key={u.id}>
            <span>
              {u.name}{' '}
              <span className="muted">
                kod <code>{u.code}</code>
              </span>
            </span>
          </li>
        ))}
      </ul>
      <CodeNameForm title="Ny vårdenhet" busy={create.busy} error={create.error} onCreate={onCreate} />
    </section>
  );
}
