/**
 * A text prepared once for all checks: sentences with stemmed tokens and
 * word polarity. Transcripts also get segment ids and answers to questions.
 */
import { leadingAnswer, sentencePolarity, type Answer, type PolarToken } from './polarity';
import { stemTokens, type StemmedToken } from './terms';
import { speakerPrefixLength, splitSentences } from './text';
import { isContentWord } from './content';
import { isNoteHeadingSv } from '../../lexicon/headings-sv';
import type { Language } from './types';

export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: StemmedToken[];
  /** Content stems, for evidence search. */
  stems: Set<string>;
  polar: PolarToken[];
  /** Transcript segment the sentence came from, when segments were given. */
  segmentId: string | null;
  /** Note heading opening the sentence ("Bedömning" in "Bedömning: …"), not part of `text`. */
  heading: string | null;
  /** The sentence opens a line of the source. */
  opensLine: boolean;
  /** Note: the heading whose section the sentence is in ("Status"), carried down from the last heading; null in transcripts. */
  section: string | null;
}

/** The token range [first, last] of the clause around token k: up to the nearest comma, semicolon, colon or full stop. */
export function clauseOf(s: Sentence, k: number): [number, number] {
  const gap = (i: number) => s.text.slice(s.tokens[i]!.end - s.start, s.tokens[i + 1]!.start - s.start);
  let a = k;
  while (a > 0 && !/[,;:.]/.test(gap(a - 1))) a--;
  let b = k;
  while (b < s.tokens.length - 1 && !/[,;:.]/.test(gap(b))) b++;
  return [a, b];
}

/** "Bedömning:", "Åtgärd/Planering:" opening a line of a note. */
const HEADING = /^([\p{L}/ ]{2,40}):\s*/u;

function sentencesOf(text: string, base: number, language: Language, segmentId: string | null, transcript: boolean): Omit<Sentence, 'polar' | 'section'>[] {
  return splitSentences(text).map((s) => {
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const opensLine = /^[\s\-•*]*$/.test(text.slice(lineStart, s.start));
    // Speakers are labelled inline in pasted transcripts ("Patient: Nej."); the label is not content, nor is a note heading.
    // A note heading opens a line or a sentence ("… i hö överarm. Råd: solskydda …"): the review screen
    // checks a draft sentence by sentence, one per line, and must read it as the whole note does.
    // A sub-heading ("Lungor:", "Buk:") stays part of its sentence, as it does inside a whole note's line.
    // In Swedish only a known note heading opens a section: any other "Word(s):" is the sentence's topic
    // ("Feber: 38,5 igår kväll", "Röker: nej"), and the answer means nothing checked without it.
    const found = !transcript ? HEADING.exec(s.text) : null;
    const name = found ? found[1]!.trim() : '';
    const heading = found && !SUBHEADING.test(name) && (language !== 'sv' || isNoteHeadingSv(name)) ? found : null;
    const skip = transcript ? speakerPrefixLength(s.text) : heading ? heading[0].length : 0;
    const body = s.text.slice(skip);
    const start = base + s.start + skip;
    const tokens = stemTokens(body, language).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
    const stems = new Set(tokens.filter((t) => isContentWord(t, language)).map((t) => t.stem));
    return { text: body, start, end: base + s.end, tokens, stems, segmentId, heading: heading ? heading[1]!.trim() : null, opensLine };
  });
}

/** Note: offsets are positions in the note string. */
export function prepareNote(note: string, language: Language): Sentence[] {
  let section: string | null = null;
  return sentencesOf(note, 0, language, null, false).map((s) => {
    if (s.heading !== null) section = s.heading;
    else if (s.opensLine && HEADING_ALONE.test(s.text.trim())) section = s.text.trim().replace(/:$/, '');
    return { ...s, section, polar: sentencePolarity(s.tokens, s.text, s.start, language) };
  });
}

/**
 * Sub-headings inside a section — organ systems under Status, lifestyle items under Anamnes — name
 * what a line is about, not a new section ("Status: Buk: öm …" is still a finding at the visit).
 */
const SUBHEADING = /^(?:buk|lungor|lunga|pulm|cor|hjärta|hjärta\/lungor|hud|neuro|neurologi|munhåla|svalg|hals|öron|öra|ögon|näsa|extremiteter|ben|rygg|led|leder|lokalstatus|allmäntillstånd|at|psykiskt|läkemedel|mediciner|aktuella läkemedel|allergi|allergier|alkohol|rökning|tobak|snus|droger|socialt|ekonomi|arbete|boende)$/iu;

/** "Planering" or "Status:" alone on its line heads the lines below it. */
const HEADING_ALONE = /^[\p{L}/ ]{2,40}:?$/u;

/** Transcript: a question's polarity depends on the next sentence's "ja"/"nej". */
export function prepareTranscript(transcript: string | readonly { id: string; text: string }[], language: Language): Sentence[] {
  const raw = typeof transcript === 'string'
    ? sentencesOf(transcript, 0, language, null, true)
    : segmentSentences(transcript, language);
  return raw.map((s, i) => {
    const next = raw[i + 1];
    const answer: Answer = s.text.trimEnd().endsWith('?') && next ? leadingAnswer(next.tokens, next.text, next.start, language) : null;
    return { ...s, section: null, polar: sentencePolarity(s.tokens, s.text, s.start, language, answer) };
  });
}

/** Offsets of segment sentences are positions in the segments' texts joined by "\n", the text the number checks read. */
function segmentSentences(segments: readonly { id: string; text: string }[], language: Language): Omit<Sentence, 'polar' | 'section'>[] {
  let base = 0;
  return segments.flatMap((seg) => {
    const out = sentencesOf(seg.text, base, language, seg.id, true);
    base += seg.text.length + 1;
    return out;
  });
}
