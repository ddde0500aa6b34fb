import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { TestCaseSchema, type TestCase } from '../server/contracts/testcase';
import { TrainingSeedSchema, type TrainingSeed } from '../server/contracts/training';
import { WorkflowSpecSchema, type WorkflowSpec } from '../server/contracts/workflow';

/**
 * The seed data shipped with the project: one workflow per profession and the
 * synthetic Swedish test-consultation library. Both are plain JSON so working
 * groups can read and diff them; they are validated here, at the edge, so a
 * broken file fails start-up with its name and the field at fault.
 */

const workflowsDir = fileURLToPath(new URL('./workflows/', import.meta.url));
const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const trainingDir = fileURLToPath(new URL('./training/', import.meta.url));

function loadDir<S extends z.ZodType>(dir: string, schema: S): Array<{ file: string; data: z.output<S> }> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => ({ file, data: parseFile(dir, file, schema) }));
}

function parseFile<S extends z.ZodType>(dir: string, file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(dir + file, 'utf8'));
  } catch (err) {
    throw new Error(`Seed file ${file}: not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`Seed file ${file} is invalid: ${issues}`);
  }
  return result.data;
}

/** Sorted by file name, so callers and tests see a stable order. */
export function loadSeedWorkflows(): WorkflowSpec[] {
  return loadDir(workflowsDir, WorkflowSpecSchema).map((entry) => entry.data);
}

/**
 * The slug is a case's stable id (ratings and eval runs refer to it), so it
 * must equal the file name: that makes duplicates impossible to ship.
 */
export function loadSeedCases(): TestCase[] {
  return loadDir(casesDir, TestCaseSchema).map(({ file, data }) => {
    if (`${data.slug}.json` !== file) throw new Error(`Seed file ${file} is invalid: slug: must equal the file name`);
    return data;
  });
}

/** The shipped review-training cases: errors planted in a shipped test case's reference note (server/modules/training/seed.ts). */
export function loadSeedTrainingCases(): TrainingSeed[] {
  return loadDir(trainingDir, TrainingSeedSchema).map(({ file, data }) => {
    if (`${data.slug}.json` !== file) throw new Error(`Seed file ${file} is invalid: slug: must equal the file name`);
    return data;
  });
}
