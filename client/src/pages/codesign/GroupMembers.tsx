import type { Group } from '../../../../server/contracts/api/organisation';

export function GroupMembers({ group }: { group: Group }) {
  return (
    <section className="panel" aria-labelledby={`group-${group.id}`}>
      <h2 id={`group-${group.id}`}>{group.name}</h2>
      <p className="muted">Yrkesgrupp: {group.profession.name}</p>
      <h3>Medlemmar ({group.members.length})</h3>
      {group.members.length === 0 ? (
        <p className="muted">Inga medlemmar.</p>
      ) : (
        <ul>
          {group.members.map((m) => (
            <li key={m.id}>{m.displayName}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
