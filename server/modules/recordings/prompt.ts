import { WorkflowSpecSchema } from '../../contracts/workflow';
import type { AppDeps } from '../../deps';

/** Whisper reads at most 223 prompt tokens; more characters than this never reach it. */
const MAX_PROMPT_CHARS = 1000;

/**
 * The initial prompt for an encounter's recording: the vocabulary of the
 * workflow it is documented with (drug names, places, terms), so Whisper
 * spells them as the profession does. No workflow, no prompt.
 */
export async function vocabularyPrompt(deps: AppDeps, workflowVersionId: string | null): Promise<string | undefined> {
  if (!workflowVersionId) return undefined;
  const version = await deps.db.prisma.workflowVersion.findUnique({ where: { id: workflowVersionId }, select: { spec: true } });
  const spec = WorkflowSpecSchema.safeParse(version?.spec);
  if (!spec.success) return undefined;
  const { drugs, places, terms } = spec.data.vocabulary;
  const words = [...new Set([...drugs, ...places, ...terms].map((w) => w.trim()).filter(Boolean))];
  let prompt = '';
  for (const word of words) {
    const next = prompt ? `${prompt}, ${word}` : word;
    if (next.length > MAX_PROMPT_CHARS) break;
    prompt = next;
  }
  return prompt ? `${prompt}.` : undefined;
}
