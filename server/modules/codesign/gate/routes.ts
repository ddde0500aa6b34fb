import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { AppError } from '../../../errors';
import { route, type RouteDef } from '../../../http/route';
import { groupOf, workflowOf } from '../guards';
import { LABELS, loadVersion, moveLabel } from '../workflows/service';
import { badRequest } from '../../../errors';
import { defaultGateConfig, GateConfigRequestSchema, parseGateConfig } from './config';
import { evaluateGate, type GateResult } from './evaluate';
import { GateCheckSchema, GateEnvelopeSchema } from '../../../contracts/api/gate';
import { LabelMovedSchema } from '../../../contracts/api/workflows';

const Id = z.string().min(1).max(40);
/** Why a version goes to produktion, written by whoever moves it (and the lead's reason for passing a failed gate). */
const Reason = z.string().trim().min(10, 'Skriv en motivering på minst 10 tecken.').max(2000);

const gateFailed = (gate: GateResult) =>
  new AppError(
    409,
    'gate_failed',
    'Spärren för produktion är inte uppfylld',
    gate.runId === null
      ? 'Versionen har ingen klar körning på testfallen. Kör den först.'
      : 'Versionen uppfyller inte arbetsgruppens krav. En projektledare kan flytta etiketten ändå med en skriftlig motivering.',
    gate.criteria.filter((c) => !c.passed).map((c) => ({ field: `gate.${c.key}`, message: c.message })),
  );

/** A version that held produktion before may get it back without the gate: that is a rollback. */
async function wasProduktion(deps: AppDeps, workflowId: string, versionId: string): Promise<boolean> {
  return (await deps.db.prisma.labelEvent.count({ where: { workflowId, label: 'produktion', toVersionId: versionId } })) > 0;
}

/** Gate settings per group, gate checks per version, and label moves (promotion, rollback, override). */
export const gateRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/groups/:id/gate',
    response: GateEnvelopeSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Arbetsgruppens krav för produktion',
    params: z.object({ id: Id }),
    guard: groupOf('member'),
    handler: async ({ deps, resource: group }) => {
      const profession = await deps.db.prisma.profession.findUniqueOrThrow({ where: { id: group.professionId } });
      return {
        gate: parseGateConfig(group.gateConfig, profession.code),
        defaults: defaultGateConfig(profession.code),
        profession: profession.name,
        custom: group.gateConfig !== null && Object.keys(group.gateConfig as object).length > 0,
      };
    },
  }),
  route({
    method: 'put',
    path: '/groups/:id/gate',
    response: GateEnvelopeSchema,
    access: ['designer', 'lead'],
    summary: 'Ändra arbetsgruppens krav för produktion',
    params: z.object({ id: Id }),
    /** the keys the group sets itself; a key left out follows the profession's default ({} = all defaults); a null only with its key in notChecked */
    body: GateConfigRequestSchema,
    audit: { action: 'group.gate_config', kind: 'write' },
    guard: groupOf('member'),
    handler: async (ctx) => {
      const { deps, body: request, resource: group } = ctx;
      const { notChecked: _explicit, ...body } = request;
      await deps.db.prisma.workingGroup.update({ where: { id: group.id }, data: { gateConfig: body } });
      ctx.auditDetails = { groupId: group.id };
      const profession = await deps.db.prisma.profession.findUniqueOrThrow({ where: { id: group.professionId } });
      return { gate: parseGateConfig(body, profession.code), defaults: defaultGateConfig(profession.code), profession: profession.name, custom: Object.keys(body).length > 0 };
    },
  }),
  route({
    method: 'get',
    path: '/workflows/:id/versions/:version/gate',
    response: GateCheckSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Uppfyller versionen kraven för produktion?',
    params: z.object({ id: Id, version: z.coerce.number().int().positive() }),
    guard: workflowOf('member'),
    handler: async ({ deps, params, resource: workflow }) => {
      const version = await loadVersion(deps, workflow.id, params.version);
      return { gate: await evaluateGate(deps, workflow.groupId, version.id), rollback: await wasProduktion(deps, workflow.id, version.id) };
    },
  }),
  route({
    method: 'put',
    path: '/workflows/:id/labels/:label',
    response: LabelMovedSchema,
    access: ['designer', 'lead'],
    summary: 'Flytta en etikett (utkast, test, produktion) till en version; till produktion med motivering',
    params: z.object({ id: Id, label: z.enum(LABELS) }),
    body: z.object({ version: z.number().int().positive(), reason: z.string().max(2000).optional() }),
    audit: { action: 'workflow.label', kind: 'write' },
    guard: workflowOf('member'),
    handler: async (ctx) => {
      const { deps, user, params, body, resource: workflow } = ctx;
      const version = await loadVersion(deps, workflow.id, body.version);
      let gate: GateResult | null = null;
      let reason: string | null = body.reason?.trim() || null;
      if (params.label === 'produktion') {
        // Every move of produktion (promotion or rollback) is a decision someone explains.
        const checked = Reason.safeParse(body.reason ?? '');
        if (!checked.success) throw badRequest('Skriv varför versionen ska användas i produktion.', [{ field: 'body.reason', message: 'Skriv en motivering på minst 10 tecken.' }]);
        reason = checked.data;
        if (!(await wasProduktion(deps, workflow.id, version.id))) {
          gate = await evaluateGate(deps, workflow.groupId, version.id);
          if (!gate.passed) throw gateFailed(gate);
        }
      }
      const event = await moveLabel(deps, { workflowId: workflow.id, label: params.label, toVersionId: version.id, actorId: user.id, reason, gateResult: gate });
      ctx.auditDetails = { workflowId: workflow.id, versionId: version.id, label: params.label };
      return { label: params.label, version: version.version, eventId: event.id, gate };
    },
  }),
  route({
    method: 'post',
    path: '/workflows/:id/labels/produktion/override',
    response: LabelMovedSchema,
    access: ['lead'],
    summary: 'Projektledaren flyttar produktion förbi spärren, med motivering',
    params: z.object({ id: Id }),
    body: z.object({ version: z.number().int().positive(), reason: Reason }),
    audit: { action: 'workflow.promote_override', kind: 'write' },
    guard: workflowOf('member'),
    handler: async (ctx) => {
      const { deps, user, body, resource: workflow } = ctx;
      const version = await loadVersion(deps, workflow.id, body.version);
      const gate = await evaluateGate(deps, workflow.groupId, version.id);
      const event = await moveLabel(deps, {
        workflowId: workflow.id,
        label: 'produktion',
        toVersionId: version.id,
        actorId: user.id,
        override: !gate.passed,
        reason: body.reason,
        gateResult: gate,
      });
      ctx.auditDetails = { workflowId: workflow.id, versionId: version.id, labelEventId: event.id, gatePassed: gate.passed };
      return { label: 'produktion', version: version.version, eventId: event.id, override: !gate.passed, gate };
    },
  }),
];
