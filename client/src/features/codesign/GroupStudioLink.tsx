import { Link } from 'react-router';

/** The entry from the co-design home to a group's studio. */
export function GroupStudioLink({ groupId }: { groupId: string }) {
  return (
    <p>
      <Link to={`/samskapande/grupp/${groupId}`}>Öppna arbetsgruppens studio: arbetsflöden, testfall, bedömning</Link> · <Link to="/bedomning">Mina bedömningar</Link>
    </p>
  );
}
