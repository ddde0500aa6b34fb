import { TestCaseSchema, type TestCase } from '../../../contracts/testcase';
import { zodProblems, type FieldProblem } from '../../../errors';
import { findPersonalData, piiProblems } from './pii-gate';

/**
 * JSONL import: one TestCase per line, each line validated on its own so the
 * designer sees every problem at once, by line number. Blank lines are
 * skipped. A file is taken whole or not at all.
 */
export interface ParsedImport {
  cases: TestCase[];
  problems: FieldProblem[];
  personalData: boolean;
}

export function parseTestCaseJsonl(text: string): ParsedImport {
  const cases: TestCase[] = [];
  const problems: FieldProblem[] = [];
  const slugs = new Map<string, number>();
  let personalData = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    const where = `rad ${lineNo}`;
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      problems.push({ field: where, message: 'Raden är inte giltig JSON.' });
      return;
    }
    const parsed = TestCaseSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems('body', parsed.error).map((p) => ({ field: `${where}.${p.field.slice('body.'.length)}`, message: p.message })));
      return;
    }
    const earlier = slugs.get(parsed.data.slug);
    if (earlier !== undefined) {
      problems.push({ field: `${where}.slug`, message: `Samma slug som rad ${earlier}` });
      return;
    }
    slugs.set(parsed.data.slug, lineNo);
    const findings = findPersonalData(parsed.data);
    if (findings.length > 0) {
      personalData = true;
      problems.push(...piiProblems(findings, where));
      return;
    }
    cases.push(parsed.data);
  });
  return { cases, problems, personalData };
}

export function toJsonl(cases: readonly TestCase[]): string {
  return cases.map((c) => JSON.stringify(c)).join('\n') + (cases.length > 0 ? '\n' : '');
}
