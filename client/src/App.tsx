import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AdminPage } from './pages/admin/AdminPage';
import { ApiKeysTab } from './pages/admin/ApiKeysTab';
import { AuditTab } from './pages/admin/AuditTab';
import { CareUnitsTab } from './pages/admin/CareUnitsTab';
import { DemoDataTab } from './pages/admin/DemoDataTab';
import { GroupsTab } from './pages/admin/GroupsTab';
import { ModelsTab } from './pages/admin/ModelsTab';
import { ProfessionsTab } from './pages/admin/ProfessionsTab';
import { UsersTab } from './pages/admin/UsersTab';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { CodesignHome } from './pages/codesign/CodesignHome';
import { RequireStudioRole } from './features/codesign/RequireStudioRole';
import { codesignRoutes } from './features/codesign/routes';
import { trainingRoutes } from './features/training/routes';
import { FollowupHome } from './pages/followup/FollowupHome';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { EncounterPage } from './pages/notes/EncounterPage';
import { NotesHome } from './pages/notes/NotesHome';
import { StartPage } from './pages/StartPage';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './session/homes';
import { RequireRole } from './session/RequireRole';
import { RequireUser } from './session/RequireUser';

/** The route table: every page, who may see it, and where it sits. */
export function App() {
  return (
    <Routes>
      <Route path={LOGIN_PATH} element={<LoginPage />} />
      <Route
        path={CHANGE_PASSWORD_PATH}
        element={
          <RequireUser allowOneTimePassword>
            <ChangePasswordPage />
          </RequireUser>
        }
      />
      <Route
        element={
          <RequireUser>
            <Layout />
          </RequireUser>
        }
      >
        <Route index element={<StartPage />} />
        <Route path="anteckningar" element={<RequireRole role="clinician"><NotesHome /></RequireRole>} />
        <Route path="anteckningar/:id" element={<RequireRole role="clinician"><EncounterPage /></RequireRole>} />
        <Route path="samskapande" element={<RequireStudioRole><CodesignHome /></RequireStudioRole>} />
        {codesignRoutes}
        {trainingRoutes}
        <Route path="uppfoljning" element={<RequireRole role="lead"><FollowupHome /></RequireRole>} />
        <Route path="admin" element={<RequireRole role="admin"><AdminPage /></RequireRole>}>
          <Route index element={<Navigate to="anvandare" replace />} />
          <Route path="anvandare" element={<UsersTab />} />
          <Route path="yrkesgrupper" element={<ProfessionsTab />} />
          <Route path="vardenheter" element={<CareUnitsTab />} />
          <Route path="arbetsgrupper" element={<GroupsTab />} />
          <Route path="api-nycklar" element={<ApiKeysTab />} />
          <Route path="modeller" element={<ModelsTab />} />
          <Route path="atkomstlogg" element={<AuditTab />} />
          <Route path="demodata" element={<DemoDataTab />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
