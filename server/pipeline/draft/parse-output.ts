import { DraftOutputSchema, type DraftOutput } from '../../contracts/note';
import type { WorkflowSpec } from '../../contracts/workflow';
import { requestedSections } from './prompt';

/**
 * The one reader of model text for every model drafter: finds the JSON (also
 * inside ```json fences or after a preamble), validates it against
 * DraftOutputSchema and then against the request (known section keys, each
 * once, required sections present, cited ids that exist). Error strings are
 * Swedish, name only keys, ids and paths (never transcript or note text),
 * and are meant both for the model's repair round and for the job error.
 */
export type ParsedOutput = { ok: true; output: DraftOutput } | { ok: false; errors: string[] };

export interface OutputExpectations {
  workflow: WorkflowSpec;
  segmentIds: ReadonlySet<string>;
  onlySections?: readonly string[];
}

const MAX_ERRORS = 12;
/** Only identifier-like values are echoed: a model may put anything in a key. */
const SAFE_ID = /^[\p{L}\p{N}_-]{1,40}$/u;
const quote = (value: string, what: string) => (SAFE_ID.test(value) ? `"${value}"` : `(ett ${what} med ogiltiga tecken)`);

/** The JSON text inside a fenced block, or from the first "{" to the last "}" (or the end). */
export function extractJson(text: string): string | null {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const first = body.indexOf('{');
  if (first < 0) return null;
  // A cut-off answer has no closing brace: hand it on whole, so the error says "not valid JSON".
  const last = body.lastIndexOf('}');
  return last > first ? body.slice(first, last + 1) : body.slice(first);
}

/** "[s3]" and " s3 " cite s3: models copy the transcript's brackets. */
const normaliseId = (id: string) => id.trim().replace(/^\[(.*)\]$/, '$1').trim();

export function parseModelOutput(text: string, expect: OutputExpectations): ParsedOutput {
  const json = extractJson(text);
  if (json === null) return { ok: false, errors: ['Svaret innehåller inget JSON-objekt.'] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, errors: ['Svaret är inte giltig JSON (kontrollera citattecken, kommatecken och klamrar).'] };
  }
  const parsed = DraftOutputSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => `Fel format i ${issue.path.join('.') || 'svaret'}: ${issue.message}.`);
    return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  }
  const output: DraftOutput = {
    sections: parsed.data.sections.map((s) => ({
      key: s.key.trim(),
      sentences: s.sentences.map((sentence) => ({ text: sentence.text.trim(), evidence: sentence.evidence.map(normaliseId) })),
    })),
  };
  const errors = checkAgainstRequest(output, expect);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const order = requestedSections(expect.workflow, expect.onlySections).map((s) => s.key);
  output.sections.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return { ok: true, output };
}

function checkAgainstRequest(output: DraftOutput, expect: OutputExpectations): string[] {
  const requested = requestedSections(expect.workflow, expect.onlySections);
  const known = new Set(requested.map((s) => s.key));
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const section of output.sections) {
    if (!known.has(section.key)) errors.push(`Okänd rubrik-key ${quote(section.key, 'key')}; tillåtna: ${[...known].join(', ')}.`);
    else if (seen.has(section.key)) errors.push(`Rubriken "${section.key}" förekommer mer än en gång.`);
    seen.add(section.key);
    section.sentences.forEach((sentence, i) => {
      for (const id of sentence.evidence) {
        if (!expect.segmentIds.has(id)) errors.push(`Okänt segment-id ${quote(id, 'id')} i "${section.key}", mening ${i + 1}.`);
      }
      if (sentence.text.length === 0) errors.push(`Tom mening i "${section.key}", mening ${i + 1}.`);
    });
  }
  for (const section of requested) {
    // An optional section the model left out is simply empty; a required one must be answered, even if empty.
    if (section.required && !seen.has(section.key)) {
      errors.push(`Den obligatoriska rubriken "${section.key}" saknas (ta med den, med tom lista om inget sades).`);
    }
  }
  return errors;
}
