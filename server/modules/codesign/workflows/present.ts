import type { AppDeps } from '../../../deps';
import { notFound } from '../../../errors';

type LabelRow = { label: string; versionId: string; movedAt: Date };

/** Label name → version id, for a workflow's current labels. */
export function labelMap(labels: readonly LabelRow[]): Record<string, string> {
  return Object.fromEntries(labels.map((l) => [l.label, l.versionId]));
}

export async function presentWorkflows(deps: AppDeps, where: { id?: string; groupId?: string; professionId?: string }) {
  const rows = await deps.db.prisma.workflow.findMany({
    where,
    include: {
      labels: true,
      profession: true,
      group: { select: { id: true, name: true } },
      versions: { select: { id: true, version: true, createdAt: true }, orderBy: { version: 'desc' } },
    },
    orderBy: { name: 'asc' },
  });
  return rows.map((w) => {
    const number = new Map(w.versions.map((v) => [v.id, v.version]));
    return {
      id: w.id,
      name: w.name,
      noteType: w.noteType,
      seedKey: w.seedKey,
      group: w.group,
      profession: { id: w.profession.id, code: w.profession.code, name: w.profession.name },
      latestVersion: w.versions[0]?.version ?? 0,
      labels: Object.fromEntries(w.labels.map((l) => [l.label, { versionId: l.versionId, version: number.get(l.versionId) ?? null }])),
      updatedAt: w.updatedAt,
    };
  });
}

export async function presentWorkflowDetail(deps: AppDeps, workflowId: string) {
  const db = deps.db.prisma;
  const [workflow] = await presentWorkflows(deps, { id: workflowId });
  if (!workflow) throw notFound('Arbetsflödet');
  const versions = await db.workflowVersion.findMany({ where: { workflowId }, orderBy: { version: 'desc' } });
  const labels = await db.workflowLabel.findMany({ where: { workflowId } });
  const events = await db.labelEvent.findMany({ where: { workflowId }, orderBy: { createdAt: 'desc' }, take: 100 });
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...versions.map((v) => v.authorId ?? ''), ...events.map((e) => e.actorId)] } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  const number = new Map(versions.map((v) => [v.id, v.version]));
  return {
    workflow,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      message: v.message,
      author: v.authorId ? (people.get(v.authorId) ?? null) : null,
      createdAt: v.createdAt,
      labels: labels.filter((l) => l.versionId === v.id).map((l) => l.label),
    })),
    labelEvents: events.map((e) => ({
      id: e.id,
      label: e.label,
      fromVersion: e.fromVersionId ? (number.get(e.fromVersionId) ?? null) : null,
      toVersion: number.get(e.toVersionId) ?? null,
      actor: people.get(e.actorId) ?? null,
      override: e.override,
      reason: e.reason,
      gateResult: e.gateResult,
      createdAt: e.createdAt,
    })),
  };
}
