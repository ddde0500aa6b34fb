import type { AppDeps } from '../../server/deps';
import type { GuardKind } from '../../server/http/route';
import { encounterWithEverything, ROLE_USERS, signedIn } from './world';

/**
 * One row of every kind a route guard loads, none of which the callers of
 * the route × role test may reach: encounter data of another clinician
 * (ssk1; lakare1 calls), and co-design rows of a working group whose only
 * callers are a designer outside it, a lead and an admin. Rounds name only
 * design1 (rater) and nobody (participants). All text is synthetic.
 */
export const STRANGER_DESIGNER = 'design-utan-grupp';

export async function strangerRows(deps: AppDeps, baseUrl: string): Promise<Record<GuardKind, string>> {
  const db = deps.db.prisma;
  const encounter = await encounterWithEverything(await signedIn(deps, baseUrl, ROLE_USERS.otherClinician));
  await db.user.create({ data: { username: STRANGER_DESIGNER, displayName: 'Designer utan grupp', roles: { create: [{ role: 'designer' }] } } });
  const owner = await db.user.findUniqueOrThrow({ where: { username: ROLE_USERS.designer } });
  const group = await db.workingGroup.findFirstOrThrow({ where: { testCases: { some: {} }, trainingCases: { some: {} }, workflows: { some: { versions: { some: {} } } } } });
  const workflow = await db.workflow.findFirstOrThrow({ where: { groupId: group.id, versions: { some: {} } }, include: { versions: true } });
  const version = workflow.versions[0]!;
  const testCase = await db.testCase.findFirstOrThrow({ where: { groupId: group.id } });
  const trainingCase = await db.trainingCase.findFirstOrThrow({ where: { groupId: group.id } });
  const run = await db.evalRun.create({ data: { workflowVersionId: version.id, drafterId: 'extractive', status: 'succeeded', caseIds: [testCase.id], createdById: owner.id } });
  const config = { versionIds: [version.id, version.id], runIds: [run.id, run.id], caseIds: [testCase.id], raterIds: [owner.id], seed: 1, form: { kind: 'full' } };
  const ratingRound = await db.ratingRound.create({ data: { groupId: group.id, name: 'Främmande omgång', config, createdById: owner.id } });
  const trainingRound = await db.trainingRound.create({ data: { groupId: group.id, name: 'Främmande övning', showFlags: false, cases: [], createdById: owner.id } });
  return {
    encounter: encounter.encounterId,
    recording: encounter.recordingId,
    draft: encounter.draftId,
    note: encounter.noteId,
    transcript: encounter.transcriptId,
    group: group.id,
    workflow: workflow.id,
    testCase: testCase.id,
    trainingCase: trainingCase.id,
    evalRun: run.id,
    ratingRound: ratingRound.id,
    trainingRound: trainingRound.id,
  };
}
