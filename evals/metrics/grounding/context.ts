/** The state one grounding run shares between its checks, and the one way they raise a flag. */
import type { Sentence } from './document';
import { closestEvidence } from './evidence';
import type { Flag, Language } from './types';

export interface Context {
  note: string;
  language: Language;
  noteSentences: Sentence[];
  transcript: Sentence[];
  transcriptText: string;
  flags: ClaimedFlag[];
}

/**
 * A flag with the class of claim it is about ("number:weight", "negation:…:word"): the severity
 * policy (claims.ts) is set per class, learned on development cases, never per sentence.
 */
export type ClaimedFlag = Flag & { claim: string };

export interface FlagInput extends Omit<Flag, 'evidence' | 'span' | 'said'> {
  /** The transcript sentence compared with; without one the closest sentence by shared words is cited. */
  compared?: Sentence | null;
  /** The transcript words compared with (shown to the reviewer). */
  said?: string | null;
  /** The claim class, when the reason alone does not say what kind of claim it is; default `kind:reason`. */
  claim?: string;
}

export function raise(ctx: Context, f: FlagInput): void {
  const { compared, said, claim, ...rest } = f;
  const sentence = ctx.noteSentences.find((s) => s.start <= f.start && f.start < s.end);
  const evidence = compared ? compared.segmentId ?? compared.text : closestEvidence(sentence, ctx.transcript);
  ctx.flags.push({ ...rest, span: ctx.note.slice(f.start, f.end), evidence, said: said ?? null, claim: claim ?? `${f.kind}:${f.reason}` });
}

/** Text of the transcript between two offsets of its sentence list (quantities carry document offsets). */
export const quote = (text: string, start: number, end: number): string => text.slice(start, end).replace(/\s+/g, ' ').trim();
