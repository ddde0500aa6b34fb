import type { AppDeps } from '../../deps';
import { followupData } from './dashboard';
import { toFilters } from './filters';
import { DASHBOARD_BUDGET } from './stats';

/**
 * Run once in the background when the web server starts (never rejects): a dashboard view
 * of an empty day brings NoteFact up to date and has Prisma compile every
 * follow-up query shape, which otherwise costs the first lead's first view
 * about 0.4 s (measured at 100,000 notes: first view 1.2–1.4 s cold,
 * 0.7–0.85 s after this). Failures only mean a slower first view.
 */
export function warmUpFollowup(deps: AppDeps): Promise<void> {
  const started = Date.now();
  // like a view, it leaves a long first fill running in the background
  return followupData(deps, toFilters({ from: '2000-01-01', to: '2000-01-01', groupBy: 'profession' }), DASHBOARD_BUDGET, [], { waitForFill: false }).then(
    () => deps.logger.info('followup.warmed', { ms: Date.now() - started }),
    (error: unknown) => deps.logger.warn('followup.warm_up_failed', { code: error instanceof Error ? error.name : 'unknown' }),
  );
}
