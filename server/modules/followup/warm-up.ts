import type { AppDeps } from '../../deps';
import { followupData } from './dashboard';
import { FilterQuerySchema, toFilters } from './filters';
import { DASHBOARD_BUDGET } from './stats';

/**
 * Run once in the background when the web server starts (never rejects):
 * the dashboard for today only, computed and thrown away. It brings NoteFact
 * and the rollup up to date (a first fill goes on in the background, as for a
 * view) and has Prisma compile the follow-up's query shapes, which otherwise
 * cost the first lead's first view a few hundred milliseconds. It used to
 * compute the whole default view, to warm the per-note loops on real data
 * (about a second of CPU per start at 1,000,000 notes); views have no
 * per-note loops any more (the rollup's sums per cell), so one day's view
 * does the same at a fraction of the cost.
 */
export function warmUpFollowup(deps: AppDeps): Promise<void> {
  const started = Date.now();
  const today = new Date().toISOString().slice(0, 10);
  // like a view, it leaves a long first fill running in the background
  return followupData(deps, toFilters(FilterQuerySchema.parse({ from: today, to: today })), DASHBOARD_BUDGET, [], { waitForFill: false }).then(
    () => deps.logger.info('followup.warmed', { ms: Date.now() - started }),
    (error: unknown) => deps.logger.warn('followup.warm_up_failed', { code: error instanceof Error ? error.name : 'unknown' }),
  );
}
