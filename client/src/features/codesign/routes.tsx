import { Route } from 'react-router';
import { RequireStudioRole } from './RequireStudioRole';
import { CodesignFrame } from './CodesignFrame';
import { ComparePage } from './ComparePage';
import { GroupStudioPage } from './GroupStudioPage';
import { MyRoundsPage } from './MyRoundsPage';
import { RatingPage } from './RatingPage';
import { RoundResultsPage } from './RoundResultsPage';
import { RunPage } from './RunPage';
import { TestCaseEditorPage } from './TestCaseEditorPage';
import { WorkflowPage } from './WorkflowPage';

/**
 * The studio's pages, mounted inside the signed-in layout by App.tsx. The
 * studio pages need a studio role (designer, lead, admin); rating pages are open to any
 * signed-in user because raters may be clinicians (the server decides who
 * is a rater of which round).
 */
export const codesignRoutes = (
  <Route element={<CodesignFrame />}>
    <Route path="samskapande/grupp/:groupId" element={<RequireStudioRole><GroupStudioPage /></RequireStudioRole>} />
    <Route path="samskapande/arbetsfloden/:id" element={<RequireStudioRole><WorkflowPage /></RequireStudioRole>} />
    <Route path="samskapande/grupp/:groupId/testfall/nytt" element={<RequireStudioRole><TestCaseEditorPage /></RequireStudioRole>} />
    <Route path="samskapande/testfall/:id" element={<RequireStudioRole><TestCaseEditorPage /></RequireStudioRole>} />
    <Route path="samskapande/korningar/:id" element={<RequireStudioRole><RunPage /></RequireStudioRole>} />
    <Route path="samskapande/jamfor" element={<RequireStudioRole><ComparePage /></RequireStudioRole>} />
    <Route path="bedomning" element={<MyRoundsPage />} />
    <Route path="bedomning/:id" element={<RatingPage />} />
    <Route path="bedomning/:id/resultat" element={<RoundResultsPage />} />
  </Route>
);
