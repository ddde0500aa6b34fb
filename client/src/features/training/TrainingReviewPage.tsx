import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { getReviewCase } from './api';
import { FeedbackView } from './FeedbackView';
import { ReviewWork } from './ReviewWork';
import type { Feedback } from '../../../../server/contracts/api/training';

/** One training case of a round: review and sign off, then the feedback (also when the case is opened again later). */
export function TrainingReviewPage() {
  const { roundId = '', caseId = '' } = useParams();
  const resource = useResource(() => getReviewCase(roundId, caseId), [roundId, caseId]);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  useEffect(() => setFeedback(resource.data?.feedback ?? null), [resource.data]);
  const data = resource.data;
  return (
    <div className="training">
      <p>
        <Link to="/ovning">← Granskningsträning</Link>
      </p>
      <h1>{data ? data.case.title : 'Övningsfall'}</h1>
      {data && <p className="muted">Omgång: {data.round.name}</p>}
      {resource.loading && !data && <Loading />}
      <ErrorMessage error={resource.error} />
      {data && (feedback ? <FeedbackView data={data} feedback={feedback} /> : <ReviewWork data={data} onFeedback={setFeedback} />)}
    </div>
  );
}
