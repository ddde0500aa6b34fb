import { Route } from 'react-router';
import { RequireStudioRole } from '../codesign/RequireStudioRole';
import { MyTrainingPage } from './MyTrainingPage';
import { TrainingCaseEditorPage } from './TrainingCaseEditorPage';
import { TrainingReviewPage } from './TrainingReviewPage';
import './training.css';

/**
 * Review training's pages. The editor needs a studio role; the training
 * pages are open to anyone signed in, since the server decides who takes
 * part in which round.
 */
export const trainingRoutes = (
  <>
    <Route path="samskapande/ovningsfall/:id" element={<RequireStudioRole><TrainingCaseEditorPage /></RequireStudioRole>} />
    <Route path="ovning" element={<MyTrainingPage />} />
    <Route path="ovning/:roundId/:caseId" element={<TrainingReviewPage />} />
  </>
);
