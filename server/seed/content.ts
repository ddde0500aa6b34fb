import { loadSeedCases, loadSeedWorkflows } from '../../prompts';
import type { AppDeps } from '../deps';
import { seedTrainingCases } from '../modules/training/seed';
import { segmentsFromTurns } from '../modules/transcripts/service';

/** Which shipped cases become demo encounters for which demo clinician. */
const DEMO_ENCOUNTERS: Record<string, string[]> = {
  lakare1: ['lakare-01-halsont', 'lakare-02-blodtryckskontroll'],
  lakare2: ['lakare-06-urinvagsinfektion'],
  ssk1: ['sjukskoterska-03-fall-vardavdelning'],
  ssk2: ['sjukskoterska-02-blodtryck-mottagning'],
  fysio1: ['fysioterapeut-01-landrygg'],
  arbter1: ['arbetsterapeut-02-handfunktion'],
  kurator1: ['psykolog-02-stress-utmattning'],
  tel1: ['telefon-06-hosta'],
};

/**
 * Seed content for the demo workspace: each profession's workflow as version
 * 1 labelled `produktion` in its working group, the shipped synthetic test
 * consultations in each group's library, and a few demo encounters with
 * pasted transcripts. The English benchmark workflow stays in prompts/ for
 * the benchmark and CLI; it is not a profession of the region.
 */
export async function seedContent(deps: AppDeps, ids: { professions: Map<string, string>; groups: Map<string, string> }): Promise<void> {
  const db = deps.db.prisma;
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
  const versionByProfession = new Map<string, string>();
  for (const spec of loadSeedWorkflows()) {
    const professionId = ids.professions.get(spec.profession);
    if (!professionId) continue;
    const workflow = await db.workflow.create({
      data: {
        name: spec.name,
        professionId,
        groupId: ids.groups.get(spec.profession) ?? null,
        noteType: spec.noteType,
        seedKey: spec.profession,
        versions: { create: { version: 1, spec, message: 'Startversion från projektets mall', authorId: admin.id } },
      },
      include: { versions: true },
    });
    const version = workflow.versions[0]!;
    versionByProfession.set(spec.profession, version.id);
    await db.workflowLabel.create({ data: { workflowId: workflow.id, label: 'produktion', versionId: version.id, movedById: admin.id } });
    await db.labelEvent.create({
      data: { workflowId: workflow.id, label: 'produktion', toVersionId: version.id, actorId: admin.id, reason: 'Startversion' },
    });
  }

  const cases = loadSeedCases();
  for (const testCase of cases) {
    const groupId = ids.groups.get(testCase.profession);
    if (!groupId) continue;
    await db.testCase.create({ data: { groupId, slug: testCase.slug, title: testCase.title, data: testCase } });
  }
  await seedTrainingCases(deps, ids.groups, cases);

  const bySlug = new Map(cases.map((c) => [c.slug, c]));
  for (const [username, slugs] of Object.entries(DEMO_ENCOUNTERS)) {
    const user = await db.user.findUnique({ where: { username } });
    if (!user) continue;
    for (const slug of slugs) {
      const testCase = bySlug.get(slug);
      if (!testCase) continue;
      await db.encounter.create({
        data: {
          label: `Demo: ${testCase.title}`,
          createdById: user.id,
          professionId: user.professionId,
          careUnitId: user.careUnitId,
          workflowVersionId: versionByProfession.get(testCase.profession) ?? null,
          transcripts: {
            create: {
              source: 'manual',
              language: testCase.language,
              segments: segmentsFromTurns(testCase.turns),
              producer: { transcriberId: 'manual', modelId: null, settings: { seed: slug } },
            },
          },
        },
      });
    }
  }
}
