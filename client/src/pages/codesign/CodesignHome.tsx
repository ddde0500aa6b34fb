import { listGroups } from '../../api/organisation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { useMe } from '../../session/SessionContext';
import { GroupMembers } from './GroupMembers';
import { GroupStudioLink } from '../../features/codesign/GroupStudioLink';

/**
 * The working groups' home: one block of sections per group the user is in.
 * Workflows, test cases and rating rounds join as sections per group.
 */
export function CodesignHome() {
  const me = useMe();
  const groups = useResource(listGroups, []);
  const mine = groups.data?.groups.filter((g) => me.groups.some((own) => own.id === g.id)) ?? [];
  return (
    <>
      <h1>Samskapande</h1>
      <p className="lead-text">Här utformar arbetsgruppen sin yrkesgrupps arbetssätt för AI-stödd journalföring.</p>
      {groups.loading && !groups.data && <Loading />}
      <ErrorMessage error={groups.error} />
      {groups.data && mine.length === 0 && <p className="panel">Du är inte med i någon arbetsgrupp ännu. Administratören kan lägga till dig.</p>}
      {mine.map((group) => (
        <div key={group.id}>
          <GroupMembers group={group} />
          <GroupStudioLink groupId={group.id} />
        </div>
      ))}
    </>
  );
}
