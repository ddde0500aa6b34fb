import { WorkflowSpecSchema, type WorkflowSpec } from '../../../contracts/workflow';
import type { AppDeps } from '../../../deps';
import { AppError, notFound } from '../../../errors';

export const LABELS = ['utkast', 'test', 'produktion'] as const;
export type Label = (typeof LABELS)[number];

export async function loadWorkflow(deps: AppDeps, id: string) {
  const workflow = await deps.db.prisma.workflow.findUnique({ where: { id }, include: { labels: true, profession: true } });
  if (!workflow) throw notFound('Arbetsflödet');
  return workflow;
}

export async function loadVersion(deps: AppDeps, workflowId: string, version: number) {
  const row = await deps.db.prisma.workflowVersion.findUnique({ where: { workflowId_version: { workflowId, version } } });
  if (!row) throw notFound(`Version ${version}`);
  return row;
}

export async function loadVersionById(deps: AppDeps, id: string) {
  const row = await deps.db.prisma.workflowVersion.findUnique({ where: { id }, include: { workflow: true } });
  if (!row) throw notFound('Versionen');
  return row;
}

/** Stored specs were validated on write; parsing again keeps defaults filled in for older rows. */
export function specOf(row: { spec: unknown }): WorkflowSpec {
  return WorkflowSpecSchema.parse(row.spec);
}

export const versionConflict = (current: number, base: number) =>
  new AppError(
    409,
    'version_conflict',
    'Någon annan har sparat under tiden',
    `Arbetsflödet har ändrats: den senaste versionen är ${current}, du utgick från version ${base}. Öppna version ${current}, för in dina ändringar och spara igen.`,
    [{ field: 'body.baseVersion', message: `Aktuell version: ${current}` }],
  );

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/**
 * A new immutable version on top of `baseVersion`. The read of the latest
 * number and the insert share a transaction, and the (workflowId, version)
 * unique index settles a race between two writers that both read the same
 * latest number: the loser gets the same 409 as a stale editor.
 */
export async function createVersion(
  deps: AppDeps,
  input: { workflowId: string; baseVersion: number; spec: WorkflowSpec; message: string; authorId: string },
) {
  const db = deps.db.prisma;
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.workflowVersion.findFirst({ where: { workflowId: input.workflowId }, orderBy: { version: 'desc' } });
      const current = latest?.version ?? 0;
      if (current !== input.baseVersion) throw versionConflict(current, input.baseVersion);
      const row = await tx.workflowVersion.create({
        data: { workflowId: input.workflowId, version: current + 1, spec: input.spec, message: input.message, authorId: input.authorId },
      });
      await tx.workflow.update({ where: { id: input.workflowId }, data: { name: input.spec.name, noteType: input.spec.noteType } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const latest = await db.workflowVersion.findFirst({ where: { workflowId: input.workflowId }, orderBy: { version: 'desc' } });
      throw versionConflict(latest?.version ?? 0, input.baseVersion);
    }
    throw error;
  }
}

export interface LabelMove {
  workflowId: string;
  label: Label;
  toVersionId: string;
  actorId: string;
  override?: boolean;
  reason?: string | null;
  gateResult?: unknown;
}

/** Moving a label is how promotion and rollback happen; every move is a LabelEvent row. */
export async function moveLabel(deps: AppDeps, move: LabelMove) {
  return deps.db.prisma.$transaction(async (tx) => {
    const current = await tx.workflowLabel.findUnique({ where: { workflowId_label: { workflowId: move.workflowId, label: move.label } } });
    await tx.workflowLabel.upsert({
      where: { workflowId_label: { workflowId: move.workflowId, label: move.label } },
      create: { workflowId: move.workflowId, label: move.label, versionId: move.toVersionId, movedById: move.actorId },
      update: { versionId: move.toVersionId, movedById: move.actorId, movedAt: new Date() },
    });
    return tx.labelEvent.create({
      data: {
        workflowId: move.workflowId,
        label: move.label,
        fromVersionId: current?.versionId ?? null,
        toVersionId: move.toVersionId,
        actorId: move.actorId,
        override: move.override ?? false,
        reason: move.reason ?? null,
        gateResult: (move.gateResult ?? undefined) as never,
      },
    });
  });
}

/** A new workflow in a group with `spec` as version 1, labelled utkast. */
export async function createWorkflow(
  deps: AppDeps,
  input: { groupId: string; professionId: string; spec: WorkflowSpec; message: string; seedKey: string | null; authorId: string },
) {
  const workflow = await deps.db.prisma.workflow.create({
    data: {
      name: input.spec.name,
      professionId: input.professionId,
      groupId: input.groupId,
      noteType: input.spec.noteType,
      seedKey: input.seedKey,
      versions: { create: { version: 1, spec: input.spec, message: input.message, authorId: input.authorId } },
    },
    include: { versions: true },
  });
  await moveLabel(deps, { workflowId: workflow.id, label: 'utkast', toVersionId: workflow.versions[0]!.id, actorId: input.authorId, reason: input.message });
  return workflow;
}
