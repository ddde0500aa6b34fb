import { WorkflowSpecSchema, type WorkflowSpec } from '../../contracts/workflow';
import type { AppDeps } from '../../deps';
import { notFound, unprocessable } from '../../errors';
import type { SessionUser } from '../../http/route';
import { DrafterKindSchema, drafterUnavailableReason, type DrafterConfig, type DrafterKind } from '../../pipeline/draft/factory';

/**
 * What a draft is made with: the workflow version (asked for, else the
 * encounter's, else the user's profession's `produktion` version) and the
 * installation's drafter configuration.
 */
export async function resolveWorkflowVersion(
  deps: AppDeps,
  encounter: { workflowVersionId: string | null; professionId: string | null },
  user: SessionUser,
  requested: string | undefined,
): Promise<{ id: string; spec: WorkflowSpec }> {
  const db = deps.db.prisma;
  const id = requested ?? encounter.workflowVersionId ?? (await productionVersionId(deps, encounter.professionId ?? user.professionId));
  if (!id) {
    throw unprocessable('Det finns inget arbetsflöde i produktion för din yrkesgrupp. Välj ett arbetsflöde.', [
      { field: 'body.workflowVersionId', message: 'Saknas' },
    ], 'no_workflow');
  }
  const row = await db.workflowVersion.findUnique({ where: { id } });
  if (!row) throw notFound('Arbetsflödesversionen');
  return { id: row.id, spec: WorkflowSpecSchema.parse(row.spec) };
}

async function productionVersionId(deps: AppDeps, professionId: string | null): Promise<string | null> {
  if (!professionId) return null;
  const label = await deps.db.prisma.workflowLabel.findFirst({
    where: { label: 'produktion', workflow: { professionId } },
    orderBy: { movedAt: 'desc' },
  });
  return label?.versionId ?? null;
}

/** Workflow versions a clinician can pick for an encounter: their profession's labelled versions. */
export async function workflowChoices(deps: AppDeps, professionId: string | null) {
  if (!professionId) return [];
  const labels = await deps.db.prisma.workflowLabel.findMany({
    where: { workflow: { professionId } },
    include: { workflow: { select: { name: true, noteType: true } } },
    orderBy: [{ workflowId: 'asc' }, { label: 'asc' }],
  });
  const versions = await deps.db.prisma.workflowVersion.findMany({
    where: { id: { in: labels.map((l) => l.versionId) } },
    select: { id: true, version: true },
  });
  const number = new Map(versions.map((v) => [v.id, v.version]));
  return labels.map((l) => ({
    versionId: l.versionId,
    label: l.label,
    name: l.workflow.name,
    noteType: l.workflow.noteType,
    version: number.get(l.versionId) ?? null,
  }));
}

export function drafterConfig(deps: AppDeps): DrafterConfig {
  const models = deps.services.localChatModels;
  return {
    hosted: { baseUrl: deps.env.LLM_HOSTED_BASE_URL, apiKey: deps.env.LLM_HOSTED_API_KEY, defaultModel: deps.env.LLM_HOSTED_MODEL },
    local: { defaultModelId: deps.env.LLM_LOCAL_MODEL, chatModel: (id) => models.get(id) },
  };
}

/**
 * Why a drafting engine cannot run on this server now (Swedish, for the
 * clinician, without server paths), or null: the hosted service must be
 * set up, the local engine needs its model installed. Asked before a job is
 * queued, so an engine that is not set up is shown disabled rather than
 * failing after a click.
 */
export async function drafterAvailability(deps: AppDeps, kind: DrafterKind): Promise<string | null> {
  const reason = drafterUnavailableReason(kind, drafterConfig(deps));
  if (reason !== null || kind !== 'local') return reason;
  const status = await deps.services.localChatModels.get().status();
  return status.state === 'missing' ? 'Ingen lokal språkmodell är installerad på servern. Välj den extraktiva utkastmotorn.' : null;
}

/** Every engine with whether it can be chosen, in the order the page offers them. */
export async function drafterChoices(deps: AppDeps): Promise<Array<{ kind: DrafterKind; unavailableReason: string | null }>> {
  return Promise.all(DrafterKindSchema.options.map(async (kind) => ({ kind, unavailableReason: await drafterAvailability(deps, kind) })));
}
