import { z } from 'zod';
import { scrubFreeText } from '../../../evals/metrics/pii';
import type { AppDeps } from '../../deps';
import { RoundConfigSchema } from '../codesign/ratings/items';
import { mean } from '../codesign/evalruns/summary';
import { roundResults } from '../codesign/ratings/results';
import { ratingRows } from '../codesign/ratings/service';
import type { Labels } from './labels';

/**
 * What the working groups did, read from the co-design rows: rating rounds
 * (PDQI-9 means per version and Krippendorff's α between raters), key-fact
 * recall on the test library (latest finished eval run per version), and
 * label moves (promotions, rollbacks, overrides with their reasons). JSON
 * columns are read leniently: an unknown shape is "no data", not an error.
 */
// The shapes written by server/modules/codesign/gate/evaluate.ts (GateResult) and
// server/modules/codesign/evalruns/evaluate-case.ts (case metrics).
const GateSchema = z.object({ passed: z.boolean() }).transform((g) => g.passed);
const RecallSchema = z.object({ keyFactRecall: z.number() }).transform((m) => m.keyFactRecall);

export interface RoundResult {
  roundId: string;
  name: string;
  professionId: string;
  status: string;
  createdAt: string;
  ratings: number;
  raters: number;
  /** mean PDQI-9 item score (1–5) per version */
  versions: { workflowVersionId: string; versionLabel: string; pdqiMean: number | null; n: number; preferred: number }[];
  alpha: { estimate: number | null; lower: number | null; upper: number | null; units: number };
}

export interface KeyFactResult {
  workflowVersionId: string;
  versionLabel: string;
  professionId: string;
  runId: string;
  finishedAt: string | null;
  cases: number;
  recall: number | null;
}

export interface LabelMove {
  professionId: string;
  workflowName: string;
  label: string;
  toVersionLabel: string;
  fromVersionLabel: string | null;
  at: string;
  override: boolean;
  gatePassed: boolean | null;
  /** the lead's reason, with any personal data masked */
  reason: string | null;
}

/**
 * Rating rounds as the studio reports them (server/modules/codesign/ratings/results.ts),
 * so the dashboard and the working group see the same PDQI-9 means and α.
 */
export async function ratingRounds(deps: AppDeps, labels: Labels, professionId: string | null): Promise<RoundResult[]> {
  const rounds = await deps.db.prisma.ratingRound.findMany({
    where: professionId ? { group: { professionId } } : {},
    include: { group: { select: { professionId: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const out: RoundResult[] = [];
  for (const round of rounds) {
    const config = RoundConfigSchema.safeParse(round.config);
    if (!config.success) continue;
    const results = roundResults(config.data, await ratingRows(deps, round.id));
    out.push({
      roundId: round.id,
      name: round.name,
      professionId: round.group.professionId,
      status: round.status,
      createdAt: round.createdAt.toISOString(),
      ratings: results.ratings,
      raters: results.raters,
      versions: results.versions.map((v) => ({
        workflowVersionId: v.versionId,
        versionLabel: labels.versions.get(v.versionId)?.label ?? 'Okänd version',
        pdqiMean: v.pdqi.mean,
        n: v.ratings,
        preferred: v.preferenceShare === null ? 0 : Math.round(v.preferenceShare * results.ratings),
      })),
      alpha: { estimate: results.alpha.overall, lower: results.alpha.lower, upper: results.alpha.upper, units: results.alpha.units },
    });
  }
  return out;
}

export async function keyFactRecall(deps: AppDeps, labels: Labels, professionId: string | null): Promise<KeyFactResult[]> {
  const versionIds = [...labels.versions.values()].filter((v) => !professionId || v.professionId === professionId).map((v) => v.id);
  const runs = await deps.db.prisma.evalRun.findMany({
    where: { workflowVersionId: { in: versionIds }, finishedAt: { not: null } },
    orderBy: { finishedAt: 'desc' },
    select: { id: true, workflowVersionId: true, finishedAt: true },
  });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const r of runs) if (!latest.has(r.workflowVersionId)) latest.set(r.workflowVersionId, r);
  const results = await deps.db.prisma.evalResult.findMany({ where: { runId: { in: [...latest.values()].map((r) => r.id) } }, select: { runId: true, metrics: true } });
  return [...latest.values()].map((run) => {
    const recalls = results.filter((r) => r.runId === run.id).map((r) => RecallSchema.safeParse(r.metrics)).filter((p) => p.success).map((p) => p.data);
    const v = labels.versions.get(run.workflowVersionId)!;
    return { workflowVersionId: run.workflowVersionId, versionLabel: v.label, professionId: v.professionId, runId: run.id, finishedAt: run.finishedAt?.toISOString() ?? null, cases: recalls.length, recall: mean(recalls) };
  });
}

/** Every label move up to the end of the period: the latest one decides the recommendation, earlier ones are the group's history. */
export async function labelMoves(deps: AppDeps, labels: Labels, professionId: string | null, f: { until: Date }): Promise<LabelMove[]> {
  const events = await deps.db.prisma.labelEvent.findMany({
    where: { createdAt: { lt: f.until }, ...(professionId ? { workflow: { professionId } } : {}) },
    include: { workflow: { select: { name: true, professionId: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return events.map((e) => {
    const gate = GateSchema.safeParse(e.gateResult);
    return {
      professionId: e.workflow.professionId,
      workflowName: e.workflow.name,
      label: e.label,
      toVersionLabel: labels.versions.get(e.toVersionId)?.label ?? 'Okänd version',
      fromVersionLabel: e.fromVersionId ? (labels.versions.get(e.fromVersionId)?.label ?? 'Okänd version') : null,
      at: e.createdAt.toISOString(),
      override: e.override,
      gatePassed: gate.success ? gate.data : null,
      reason: e.reason ? scrubFreeText(e.reason) : null,
    };
  });
}
