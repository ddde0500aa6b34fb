import type { RouteDef } from '../../http/route';
import { trainingCaseRoutes } from './case-routes';
import { trainingRoundRoutes } from './round-routes';
import { trainingScoreRoutes } from './score-routes';

/** Review training's whole API surface, one entry for server/routes.ts. */
export const trainingRoutes: RouteDef[] = [...trainingCaseRoutes, ...trainingRoundRoutes, ...trainingScoreRoutes];
