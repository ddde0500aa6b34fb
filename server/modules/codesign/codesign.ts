import type { AppDeps } from '../../deps';
import type { RouteDef } from '../../http/route';
import { evalRunRoutes } from './evalruns/routes';
import { EVAL_RUN_JOB, runEvalJob } from './evalruns/job';
import { gateRoutes } from './gate/routes';
import { ratingRoutes } from './ratings/routes';
import { testCaseRoutes } from './testcases/routes';
import { workflowRoutes } from './workflows/routes';

/** The co-design studio's whole API surface and its job, as one entry each for server/routes.ts and modules/register.ts. */
export const codesignRoutes: RouteDef[] = [...workflowRoutes, ...testCaseRoutes, ...evalRunRoutes, ...ratingRoutes, ...gateRoutes];

export function registerCodesign(deps: AppDeps): void {
  deps.jobs.register(EVAL_RUN_JOB, runEvalJob);
}
