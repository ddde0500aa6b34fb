import type { AppDeps } from '../deps';
import { registerMaintenance } from './maintenance/jobs';
import { registerDocumentation } from './review/register';
import { registerRecordings } from './recordings/register';
import { registerReports } from './followup/reports/jobs';
import { registerCodesign } from './codesign/codesign';

/**
 * Each module that runs jobs or owns models registers here: job handlers on
 * the queue, model-status providers for the health endpoint, disposers for
 * shutdown. Adding a capability is one line.
 */
export function registerModules(deps: AppDeps): void {
  registerMaintenance(deps);
  registerDocumentation(deps);
  registerCodesign(deps);
  registerRecordings(deps);
  registerReports(deps);
}
