import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { getQueue } from './api';
import { PairRating } from './PairRating';

/** A rater's queue: the next unrated pair, in the rater's own order; version names stay hidden. */
export function RatingPage() {
  const { id = '' } = useParams();
  const queue = useResource(() => getQueue(id), [id]);
  if (queue.loading && !queue.data) return <Loading />;
  const data = queue.data;
  const next = data?.pairs.find((p) => p.rating === null);
  const rated = data ? data.pairs.length - data.pairs.filter((p) => p.rating === null).length : 0;
  return (
    <>
      <p>
        <Link to="/bedomning">← Mina bedömningar</Link>
      </p>
      <h1>Bedömning: {data?.round.name}</h1>
      <ErrorMessage error={queue.error} />
      {data && (
        <p>
          {rated} av {data.pairs.length} par bedömda.
        </p>
      )}
      {data && data.round.status !== 'open' && <p className="notice">Omgången är stängd.</p>}
      {data && data.round.status === 'open' && next && <PairRating key={next.pairKey} roundId={id} pair={next} items={data.items} onSaved={queue.reload} />}
      {data && !next && <p className="notice">Alla par är bedömda. Tack!</p>}
    </>
  );
}
