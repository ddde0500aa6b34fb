import type { RouteDef } from './http/route';
import { demoPilotRoutes } from './modules/admin/demo-pilot';
import { organisationRoutes } from './modules/admin/organisation';
import { userAdminRoutes } from './modules/admin/users';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { encounterRoutes } from './modules/encounters/routes';
import { healthRoutes } from './modules/health/routes';
import { jobRoutes } from './modules/jobs/routes';
import { recordingRoutes } from './modules/recordings/routes';
import { documentationRoutes } from './modules/review/routes';
import { followupRoutes } from './modules/followup/routes';
import { scheduleRoutes } from './modules/followup/schedule-routes';
import { reportRoutes } from './modules/followup/reports/routes';
import { codesignRoutes } from './modules/codesign/codesign';
import { trainingRoutes } from './modules/training/routes';

/** The whole /api/v1 surface, one table. The route × role test walks it. */
export const apiRoutes: RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userAdminRoutes,
  ...organisationRoutes,
  ...demoPilotRoutes,
  ...auditRoutes(() => apiRoutes),
  ...encounterRoutes,
  ...jobRoutes,
  ...recordingRoutes,
  ...documentationRoutes,
  ...codesignRoutes,
  ...followupRoutes, ...scheduleRoutes, ...reportRoutes,
  ...trainingRoutes,
];
