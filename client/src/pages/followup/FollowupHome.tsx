import { FollowupDashboard } from '../../features/followup/FollowupDashboard';

/** The project lead's home: the follow-up dashboard (features/followup). */
export function FollowupHome() {
  return <FollowupDashboard />;
}
