import { DraftOutputSchema, type DraftOutput } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { WorkflowSpec } from '../../contracts/workflow';
import type { DraftRequest, DrafterInfo, NoteDrafter } from './drafter';
import { cleanAnswer, cleanSentence } from './extractive-clean';
import { speakerRole, type DraftLanguage, type SpeakerRole } from './extractive-lexicon';
import { answerNeedsTopic, isQuestion, questionTopic } from './extractive-qa';
import {
  compileSections,
  cueScores,
  fallbackSection,
  normaliseForCues,
  sectionRole,
  withSpeakerAffinity,
  type CompiledSection,
} from './extractive-score';
import { splitSentences } from './sentences';

/**
 * A drafter without a model: it copies what was said into the workflow's
 * sections, sentence by sentence, each citing its segments. It is the
 * always-available fallback, a baseline for evaluation, and safe by
 * construction with respect to the MDR boundary: it cannot produce a
 * diagnosis, dose or plan that nobody said.
 */

/** The schema's per-section cap; overflow goes to the next candidate section. */
const MAX_SENTENCES_PER_SECTION = 60;
const MAX_SENTENCE_CHARS = 2000;
/** What an answer scores for the history section when nothing else claims it. */
const ANSWER_HISTORY_SCORE = 0.75;

interface Unit {
  text: string;
  evidence: string[];
  /** section indices in order of preference */
  candidates: number[];
}

interface PendingQuestion {
  segmentId: string;
  topic: string | null;
  scores: number[];
}

export class ExtractiveDrafter implements NoteDrafter {
  readonly info: DrafterInfo = { drafterId: 'extractive:v1', modelId: null };

  async draft(request: DraftRequest): Promise<DraftOutput> {
    request.signal?.throwIfAborted();
    const { workflow, segments, onlySections } = request;
    const sections = compileSections(workflow.sections);
    const units = extractUnits(segments, sections, workflow.language);
    const assigned = assign(units, workflow);
    const output = {
      sections: workflow.sections
        .map((section, i) => ({ key: section.key, sentences: assigned[i] ?? [] }))
        .filter((section) => onlySections === undefined || onlySections.includes(section.key)),
    };
    return DraftOutputSchema.parse(output);
  }

  async dispose(): Promise<void> {
    // Holds no resources.
  }
}

function extractUnits(segments: TranscriptSegment[], sections: CompiledSection[], language: DraftLanguage): Unit[] {
  const fallback = fallbackSection(sections);
  const minWords = language === 'en' ? 3 : 2;
  const units: Unit[] = [];
  let pending: PendingQuestion | null = null;
  for (const segment of segments) {
    const role = speakerRole(segment.speaker);
    // Only the turn right after a question answers it, and a clinician does not answer their own question.
    const question = role === 'clinician' ? null : pending;
    pending = null;
    const sentences = splitSentences(segment.text);
    let answered = false;
    let previous: Unit | undefined;
    sentences.forEach((sentence, index) => {
      const own = cueScores(normaliseForCues(sentence), sections);
      if (isQuestion(sentence, language)) {
        if (index === sentences.length - 1) {
          pending = { segmentId: segment.id, topic: questionTopic(sentence, language), scores: own };
        }
        return;
      }
      const first = question !== null && !answered;
      const unit = toUnit(sentence, segment.id, role, first ? question : null, language, minWords);
      if (unit === null) return;
      answered = true;
      const scores = withSpeakerAffinity(combine(own, question), sections, role);
      // An answer is history unless something else claims it; a clinician's
      // uncued remark ("sätt dig här") and a patient's uncued aside are talk.
      const answerFallback = question !== null ? fallback : undefined;
      if (answerFallback !== undefined) scores[answerFallback] = Math.max(scores[answerFallback] ?? 0, ANSWER_HISTORY_SCORE);
      unit.candidates = rank(scores, answerFallback);
      // A sentence without cues continues the topic of the turn's previous one:
      // "Magen är mjuk. Flera stora blåmärken på underarmarna."
      if (own.every((score) => score === 0) && question === null && previous !== undefined) unit.candidates = previous.candidates;
      previous = unit;
      // The first answer to "Vad kan jag hjälpa dig med?" is the reason for the visit.
      const reason = first && question !== null ? reasonSection(question, sections) : undefined;
      if (reason !== undefined) unit.candidates = [reason, ...unit.candidates.filter((c) => c !== reason)];
      if (unit.candidates.length > 0) units.push(unit);
    });
  }
  return units;
}

function reasonSection(question: PendingQuestion, sections: CompiledSection[]): number | undefined {
  const best = question.scores.reduce((bestIndex, score, i) => (score > (question.scores[bestIndex] ?? 0) ? i : bestIndex), 0);
  return (question.scores[best] ?? 0) > 0 && sectionRole(sections[best]?.key ?? '') === 'reason' ? best : undefined;
}

/** The first sentence of an answer that does not name its topic gets the question's topic: "Röker: nej." */
function toUnit(
  sentence: string,
  segmentId: string,
  role: SpeakerRole,
  question: PendingQuestion | null,
  language: DraftLanguage,
  minWords: number,
): Unit | null {
  if (question?.topic && answerNeedsTopic(sentence, question.topic)) {
    const answer = cleanAnswer(sentence, language, role);
    return { text: `${question.topic}: ${answer}`, evidence: [question.segmentId, segmentId], candidates: [] };
  }
  const text = cleanSentence(sentence, { language, role, minWords });
  if (text === null) return null;
  return { text: text.slice(0, MAX_SENTENCE_CHARS), evidence: [segmentId], candidates: [] };
}

/** An answer without cues of its own takes its question's topic; with cues, the question still leans. */
function combine(own: number[], question: PendingQuestion | null): number[] {
  if (question === null) return own;
  const hasOwn = own.some((s) => s > 0);
  return own.map((score, i) => (hasOwn ? score + 0.5 * (question.scores[i] ?? 0) : (question.scores[i] ?? 0)));
}

function rank(scores: number[], fallback: number | undefined): number[] {
  const ranked = scores
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
  if (fallback !== undefined && !ranked.includes(fallback)) ranked.push(fallback);
  return ranked;
}

/** Transcript order within a section; a full section passes the sentence on to its next candidate. */
function assign(units: Unit[], workflow: WorkflowSpec): Array<Array<{ text: string; evidence: string[] }>> {
  const out = workflow.sections.map(() => [] as Array<{ text: string; evidence: string[] }>);
  const used = workflow.sections.map(() => 0);
  for (const unit of units) {
    for (const index of unit.candidates) {
      const section = workflow.sections[index];
      const target = out[index];
      if (section === undefined || target === undefined) continue;
      const cost = unit.text.length + 1;
      const limit = section.maxChars ?? Number.POSITIVE_INFINITY;
      if (target.length >= MAX_SENTENCES_PER_SECTION || (used[index] ?? 0) + cost > limit) continue;
      if (target.some((s) => s.text === unit.text)) break;
      target.push({ text: unit.text, evidence: unit.evidence });
      used[index] = (used[index] ?? 0) + cost;
      break;
    }
  }
  return out;
}
