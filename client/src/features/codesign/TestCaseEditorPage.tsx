import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { getTestCase } from './api';
import { loadCaseContext } from './testcase-context';
import { TestCaseEditor } from './TestCaseEditor';

/** `/samskapande/testfall/:id` edits a case; `/samskapande/grupp/:groupId/testfall/nytt` writes a new one. */
export function TestCaseEditorPage() {
  const { id, groupId } = useParams();
  const loaded = useResource(async () => {
    const detail = id ? await getTestCase(id) : null;
    const context = await loadCaseContext(detail?.testCase.groupId ?? groupId ?? '');
    return { detail, context, groupId: detail?.testCase.groupId ?? groupId ?? '' };
  }, [id, groupId]);
  const data = loaded.data;
  // After "save new" the address changes before the saved case has loaded: the old (empty) form must not stay.
  const stale = id !== undefined && data !== undefined && data.detail?.testCase.id !== id;
  if (loaded.loading && (!data || stale)) return <Loading />;
  return (
    <>
      {data && (
        <p>
          <Link to={`/samskapande/grupp/${data.groupId}`}>← {data.context.groupName}</Link>
        </p>
      )}
      <h1>{id ? `Testfall: ${data?.detail?.testCase.title ?? ''}` : 'Nytt testfall'}</h1>
      <ErrorMessage error={loaded.error} />
      {data && (
        <TestCaseEditor
          key={`${data.detail?.testCase.id ?? 'nytt'}-${data.detail?.testCase.revision ?? 0}`}
          groupId={data.groupId}
          context={data.context}
          detail={data.detail}
          onReload={loaded.reload}
        />
      )}
    </>
  );
}
