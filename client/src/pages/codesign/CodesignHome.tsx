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
  // Leads and administrators oversee every group (a lead passes the promotion gate from a group's studio).
  const overseer = me.roles.includes('lead') || me.roles.includes('admin');
  const mine = groups.data?.groups.filter((g) => overseer || me.groups.some((own) => own.id === g.id)) ?? [];
  return (
    <>
      <h1>Samskapande</h1>
      <p className="lead-text">Här utformar arbetsgruppen sin yrkesgrupps arbetssätt för AI-stödd journalföring.</p>
      {me.roles.includes('lead') && <p>Som projektledare ser du alla arbetsgrupper och kan flytta en version förbi spärren med en skriftlig motivering.</p>}
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
