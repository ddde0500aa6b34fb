import type { AppDeps } from '../../deps';
import { followupData } from './dashboard';
import { FilterQuerySchema, toFilters } from './filters';
import { DASHBOARD_BUDGET } from './stats';

/**
 * Run once in the background when the web server starts (never rejects): the
 * dashboard's default view, computed and thrown away. It brings NoteFact up
 * to date, has Prisma compile every follow-up query shape and lets V8
 * optimise the per-note loops on real data, which otherwise costs the first
 * lead's first view: at 100,000 notes about 0.4 s (an empty day's view
 * covered that); at 1,000,000 notes the cold loops cost the first view
 * another ~0.5–0.8 s of CPU. At that size it costs about a view's CPU
 * (~1 s) once per start. Failures only mean a slower first view.
 */
export function warmUpFollowup(deps: AppDeps): Promise<void> {
  const started = Date.now();
  // like a view, it leaves a long first fill running in the background
  return followupData(deps, toFilters(FilterQuerySchema.parse({})), DASHBOARD_BUDGET, [], { waitForFill: false }).then(
    () => deps.logger.info('followup.warmed', { ms: Date.now() - started }),
    (error: unknown) => deps.logger.warn('followup.warm_up_failed', { code: error instanceof Error ? error.name : 'unknown' }),
  );
}
