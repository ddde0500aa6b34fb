import { loadSeedTrainingCases } from '../../../prompts';
import type { TestCase } from '../../contracts/testcase';
import type { TrainingCaseData, TrainingSeed } from '../../contracts/training';
import type { AppDeps } from '../../deps';
import { caseDataFrom } from './cases';
import { plant, plantProblems, spanProblems } from './spans';

/**
 * The shipped training cases, planted into their test case's reference note
 * with the same functions designers use. A seed that does not fit its note
 * (text not found, found twice, overlapping) fails start-up with its slug.
 */
export function buildSeed(seed: TrainingSeed, testCase: TestCase): TrainingCaseData {
  let data = caseDataFrom(testCase, testCase.referenceNote);
  seed.errors.forEach((e, i) => {
    const where = `Training seed ${seed.slug}, error ${i}`;
    const section = data.draft.findIndex((d) => d.heading === e.heading);
    if (section < 0) throw new Error(`${where}: no heading "${e.heading}"`);
    const text = data.draft[section]!.text;
    const needle = (e.find ?? e.insertAfter)!;
    const at = text.indexOf(needle);
    if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`${where}: the text must occur exactly once under its heading`);
    const [start, end] = e.find !== undefined ? [at, at + needle.length] : [at + needle.length, at + needle.length];
    const p = { kind: e.kind, section, start, end, replacement: e.replace, said: e.said, turn: e.turn, critical: e.critical };
    if (plantProblems(data, p, 'seed').length > 0) throw new Error(`${where}: cannot be planted there`);
    data = plant(data, p);
  });
  if (spanProblems(data, 'seed').length > 0) throw new Error(`Training seed ${seed.slug}: spans do not fit`);
  return data;
}

export async function seedTrainingCases(deps: AppDeps, groups: ReadonlyMap<string, string>, cases: readonly TestCase[]): Promise<void> {
  const db = deps.db.prisma;
  for (const seed of loadSeedTrainingCases()) {
    const testCase = cases.find((c) => c.slug === seed.testCase);
    if (!testCase) throw new Error(`Training seed ${seed.slug}: test case ${seed.testCase} is not shipped`);
    const groupId = groups.get(testCase.profession);
    if (!groupId) continue;
    const row = await db.testCase.findUnique({ where: { groupId_slug: { groupId, slug: testCase.slug } } });
    await db.trainingCase.create({ data: { groupId, testCaseId: row?.id ?? null, slug: seed.slug, title: seed.title, source: 'seed', data: buildSeed(seed, testCase) } });
  }
}
