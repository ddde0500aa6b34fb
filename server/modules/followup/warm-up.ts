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
 * compute the whole default view (about a second of CPU per start at
 * 1,000,000 notes); one day's view runs the same code on fewer notes. The
 * medians still loop over the notes of the sides a view shows, so those
 * loops may be less warm for the first lead: bench/README ("Sums per cell")
 * has the first call dearer than the next, before and after this change.
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
