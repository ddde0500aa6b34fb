import { z } from 'zod';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { WorkflowSection, WorkflowSpec } from '../../contracts/workflow';
import type { ChatMessage } from '../llm/chat-model';
import type { DraftRequest } from './drafter';

/**
 * The one prompt of the model drafters (hosted and local): the working
 * group's instructions and sections become the system message, the
 * transcript the user message as numbered segments the model must cite.
 * Both adapters send exactly these messages, so an evaluation of a workflow
 * on one model says something about the other.
 */

/** The rule that keeps drafts on the documentation side of the MDR boundary. */
const GROUNDING_RULES = [
  'Skriv bara det som faktiskt sades i samtalet.',
  'Lägg aldrig till diagnoser, läkemedel, doser, mätvärden, undersökningsfynd eller planer som inte sades.',
  'Behåll negationer exakt som de sades.',
  'Varje mening ska ange i "evidence" id:n för de segment ([s1], [s2] …) den bygger på, utan hakparenteser, t.ex. "s3".',
  'Lämna en rubrik utan meningar hellre än att gissa.',
];

function sectionLines(section: WorkflowSection): string {
  const lines = [`- key "${section.key}" – rubrik "${section.heading}"${section.required ? ' (obligatorisk)' : ' (valfri)'}`];
  if (section.instruction) lines.push(`  Instruktion: ${section.instruction}`);
  if (section.styleHints.length > 0) lines.push(`  Stil: ${section.styleHints.join('; ')}`);
  if (section.maxChars !== undefined) lines.push(`  Högst ${section.maxChars} tecken.`);
  return lines.join('\n');
}

function vocabularyLines(workflow: WorkflowSpec): string[] {
  const { terms, places, drugs } = workflow.vocabulary;
  const lines: string[] = [];
  if (terms.length > 0) lines.push(`Termer: ${terms.join(', ')}`);
  if (places.length > 0) lines.push(`Orter: ${places.join(', ')}`);
  if (drugs.length > 0) lines.push(`Läkemedelsnamn (stava så här när de nämns): ${drugs.join(', ')}`);
  return lines.length > 0 ? ['', 'Ordlista:', ...lines] : [];
}

/** The sections asked for, in workflow order. */
export function requestedSections(workflow: WorkflowSpec, onlySections?: readonly string[]): WorkflowSection[] {
  return workflow.sections.filter((s) => onlySections === undefined || onlySections.includes(s.key));
}

export function systemPrompt(workflow: WorkflowSpec, onlySections?: readonly string[]): string {
  const sections = requestedSections(workflow, onlySections);
  return [
    workflow.instructions.trim(),
    '',
    'Regler:',
    ...GROUNDING_RULES.map((rule) => `- ${rule}`),
    '',
    `Rubriker (${workflow.noteType}), i denna ordning:`,
    ...sections.map(sectionLines),
    ...vocabularyLines(workflow),
    '',
    'Svara endast med JSON, utan annan text: {"sections":[{"key":"<key>","sentences":[{"text":"<mening>","evidence":["s1"]}]}]}.',
    `Ta med exakt dessa key, en gång var: ${sections.map((s) => s.key).join(', ')}.`,
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n')
    .trim();
}

/** "[s3] Patient: Jag har ont i halsen." — the ids the model cites. */
export function transcriptLines(segments: readonly TranscriptSegment[]): string {
  return segments
    .map((s) => `[${s.id}] ${s.speaker ? `${s.speaker}: ` : ''}${s.text.replace(/\s+/g, ' ').trim()}`)
    .join('\n');
}

export function draftMessages(workflow: WorkflowSpec, segments: readonly TranscriptSegment[], onlySections?: readonly string[]): ChatMessage[] {
  return [
    { role: 'system', content: systemPrompt(workflow, onlySections) },
    { role: 'user', content: `Samtalet:\n${transcriptLines(segments)}` },
  ];
}

/**
 * The one repair round: the conversation so far plus the model's answer (when
 * the adapter has it) and the validation errors. The errors name fields and
 * ids, never transcript text, so they can also go to a job error.
 */
export function repairMessages(messages: readonly ChatMessage[], answer: string | null, errors: readonly string[]): ChatMessage[] {
  return [
    ...messages,
    ...(answer === null ? [] : [{ role: 'assistant' as const, content: answer }]),
    {
      role: 'user',
      content: [
        'Ditt svar gick inte att använda. Rätta dessa valideringsfel och svara igen med hela anteckningen som JSON enligt formatet:',
        ...errors.map((e) => `- ${e}`),
      ].join('\n'),
    },
  ];
}

/**
 * The zod contract as a JSON schema, restricted to the request's section keys
 * and segment ids, so a server with constrained decoding cannot emit an
 * unknown key or id; the shared parser validates anyway.
 */
export function draftJsonSchema(request: DraftRequest): Record<string, unknown> {
  const keys = requestedSections(request.workflow, request.onlySections).map((s) => s.key);
  const ids = request.segments.map((s) => s.id);
  const sentence = z.object({ text: z.string().min(1).max(2000), evidence: z.array(ids.length > 0 ? z.enum(ids as [string, ...string[]]) : z.string()).max(20) });
  const schema = z.object({ sections: z.array(z.object({ key: z.enum(keys as [string, ...string[]]), sentences: z.array(sentence).max(60) })).max(20) });
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  return json;
}
