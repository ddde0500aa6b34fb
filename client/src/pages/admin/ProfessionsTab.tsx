import { useState } from 'react';
import { createProfession, listProfessions, renameProfession } from '../../api/organisation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../components/Notifier';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { CodeNameForm } from './CodeNameForm';
import { RenameForm } from './RenameForm';

export function ProfessionsTab() {
  const professions = useResource(listProfessions, []);
  const notify = useNotify();
  const [renaming, setRenaming] = useState<string | null>(null);
  const create = useSubmit(createProfession);
  const rename = useSubmit(renameProfession);

  const onCreate = async (code: string, name: string) => {
    const outcome = await create.run(code, name);
    if (!outcome.ok) return false;
    notify(`Yrkesgruppen ${outcome.value.profession.name} är tillagd.`);
    professions.reload();
    return true;
  };
  const onRename = async (id: string, name: string) => {
    const outcome = await rename.run(id, name);
    if (!outcome.ok) return;
    setRenaming(null);
    notify('Namnet är ändrat.');
    professions.reload();
  };

  return (
    <section aria-labelledby="professions-title">
      <h2 id="professions-title">Yrkesgrupper</h2>
      {professions.loading && !professions.data && <Loading />}
      <ErrorMessage error={professions.error} />
      <ul className="plain-list">
        {professions.data?.professions.map((p) => (
          <li key={p.id}>
            {renaming === p.id ? (
              <RenameForm label={`Nytt namn för ${p.name}`} initial={p.name} busy={rename.busy} error={rename.error} onSave={(name) => void onRename(p.id, name)} onCancel={() => setRenaming(null)} />
            ) : (
              <>
                <span>
                  {p.name}{' '}
                  <span className="muted">
                    kod <code>{p.code}</code>
                  </span>
                </span>
                <button type="button" className="secondary small" onClick={() => setRenaming(p.id)} aria-label={`Byt namn på ${p.name}`}>
                  Byt namn
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <CodeNameForm title="Ny yrkesgrupp" busy={create.busy} error={create.error} onCreate={onCreate} />
    </section>
  );
}
