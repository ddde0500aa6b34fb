import { TrainingCaseDataSchema, type ErrorKind, type TrainingCaseData } from '../../contracts/training';
import { TestCaseSchema, type TestCase } from '../../contracts/testcase';
import type { AppDeps } from '../../deps';
import { AppError, notFound, unprocessable } from '../../errors';
import type { CaseOutput } from '../codesign/evalruns/evaluate-case';
import { piiProblems, scanFields } from '../codesign/testcases/pii-gate';
import { spanProblems } from './spans';

/** Loading, checking and presenting training cases (the rows of TrainingCase). */
export async function loadTrainingCase(deps: AppDeps, id: string) {
  const row = await deps.db.prisma.trainingCase.findUnique({ where: { id } });
  if (!row) throw notFound('Övningsfallet');
  return { ...row, data: TrainingCaseDataSchema.parse(row.data) };
}
export type TrainingCaseRow = Awaited<ReturnType<typeof loadTrainingCase>>;

export function presentTrainingCase(row: { id: string; groupId: string; testCaseId: string | null; slug: string; title: string; source: string; revision: number; updatedAt: Date; data: TrainingCaseData }) {
  const byKind: Partial<Record<ErrorKind, number>> = {};
  for (const e of row.data.errors) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  return {
    id: row.id,
    groupId: row.groupId,
    testCaseId: row.testCaseId,
    slug: row.slug,
    title: row.title,
    source: row.source,
    revision: row.revision,
    updatedAt: row.updatedAt,
    profession: row.data.profession,
    errors: row.data.errors.length,
    byKind,
  };
}

function textFields(data: TrainingCaseData): [string, string][] {
  return [
    ...data.turns.flatMap((t, i): [string, string][] => [[`turns.${i}.speaker`, t.speaker], [`turns.${i}.text`, t.text]]),
    ...data.draft.flatMap((s, i): [string, string][] => [[`draft.${i}.heading`, s.heading], [`draft.${i}.text`, s.text]]),
    ...data.errors.flatMap((e, i): [string, string][] => [[`errors.${i}.said`, e.said], [`errors.${i}.original`, e.original]]),
  ];
}

/**
 * What every saved training case must pass: each planted error where it says
 * it is, and the personal-data gate of the test-case library (a hit is
 * accepted only when the source case lists it as invented).
 */
export function refuseBadCase(data: TrainingCaseData, prefix: string, title = ''): void {
  const spans = spanProblems(data, prefix);
  if (spans.length > 0) throw unprocessable('Ett planterat fel pekar på text som inte finns i utkastet. Inget sparades.', spans, 'span_not_in_draft');
  const pii = scanFields([['title', title], ...textFields(data)], data.inventedIdentifiers);
  if (pii.length > 0) {
    throw unprocessable('Övningsfallet innehåller något som ser ut som personuppgifter. Övningsfall ska vara påhittade.', piiProblems(pii, prefix), 'personal_data');
  }
}

export const revisionConflict = (current: number, sent: number) =>
  new AppError(409, 'revision_conflict', 'Någon annan har sparat under tiden', `Övningsfallet har sparats av någon annan (revision ${current}, du utgick från ${sent}). Ladda om och gör om ändringen.`, [
    { field: 'body.revision', message: `Aktuell revision: ${current}` },
  ]);

/** Compare-and-set on the revision, so two designers never overwrite each other. */
export async function saveCase(deps: AppDeps, row: TrainingCaseRow, revision: number, data: TrainingCaseData, title = row.title): Promise<TrainingCaseRow> {
  refuseBadCase(data, 'body', title);
  const { count } = await deps.db.prisma.trainingCase.updateMany({ where: { id: row.id, revision }, data: { data, title, revision: { increment: 1 } } });
  if (count === 0) throw revisionConflict((await loadTrainingCase(deps, row.id)).revision, revision);
  return loadTrainingCase(deps, row.id);
}

/** A fresh training case from a test case: its consultation, and as draft its reference note or a drafter's output. */
export function caseDataFrom(testCase: TestCase, draft: readonly { heading: string; text: string }[]): TrainingCaseData {
  return TrainingCaseDataSchema.parse({
    profession: testCase.profession,
    setting: testCase.setting,
    turns: testCase.turns,
    draft: draft.map((s) => ({ heading: s.heading, text: s.text })),
    errors: [],
    keyFacts: testCase.keyFacts,
    inventedIdentifiers: testCase.inventedIdentifiers,
  });
}

/** The newest drafter output for a test case in the group's evaluation runs. */
export async function latestDrafterOutput(deps: AppDeps, testCaseId: string): Promise<{ heading: string; text: string }[] | null> {
  const result = await deps.db.prisma.evalResult.findFirst({ where: { caseId: testCaseId, run: { status: 'succeeded' } }, orderBy: { createdAt: 'desc' } });
  const sections = (result?.output as unknown as CaseOutput | undefined)?.sections ?? [];
  return sections.length > 0 ? sections.map((s) => ({ heading: s.heading, text: s.text })) : null;
}

export const parseTestCase = (data: unknown) => TestCaseSchema.parse(data);
