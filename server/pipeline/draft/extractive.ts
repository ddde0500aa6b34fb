import { DraftOutputSchema, type DraftOutput } from '../../contracts/note';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { DraftRequest, DrafterInfo, NoteDrafter } from './drafter';
import { cleanAnswer, cleanSentence } from './extractive-clean';
import { speakerRole, type DraftLanguage, type SpeakerRole } from './extractive-lexicon';
import { ACT_ROLE, announcedObject, isApology, isSmallTalk, judgementItself, resolveAnnounced, sentenceAct, SMALL_TALK, VALUE_FIRST } from './extractive-acts';
import { routeBySpeaker } from './extractive-route';
import { answerNeedsTopic, answerStatement, isBareAnswer, isQuestion, MAX_BARE_ANSWER_TOPIC_WORDS, questionTopic } from './extractive-qa';
import { lastClause, whTopic, withUnit, type WhTopic } from './extractive-wh';
import {
  compileSections,
  cueScores,
  fallbackSection,
  normaliseForCues,
  sectionRole,
  withSpeakerAffinity,
  type CompiledSection,
} from './extractive-score';
import { noteStyleSv } from './extractive-style';
import { SYMPTOM, withinBudget } from './extractive-budget';
import { assign, type Placed } from './extractive-assign';
import { bestOfRole, byPhase, CAN_DO, DESCRIBES, FINDING_SHAPE, isEcho, REFERRED, withoutRepeats } from './extractive-kinds';
import { splitSentences } from './sentences';
import { swedishNumberToValue } from '../../../evals/text/swedish-numbers';

/**
 * A drafter without a model: it copies what was said into the workflow's
 * sections, sentence by sentence, each citing its segments. It is the
 * always-available fallback, a baseline for evaluation, and safe by
 * construction with respect to the MDR boundary: it cannot produce a
 * diagnosis, dose or plan that nobody said.
 */

const MAX_SENTENCE_CHARS = 2000;
/** What an answer scores for the history section when nothing else claims it. */
const ANSWER_HISTORY_SCORE = 0.75;

type Unit = Placed;

interface PendingQuestion {
  segmentId: string;
  topic: string | null;
  /** for an open "hur många / hur / när …" question: its topic, used for a short answer */
  wh: WhTopic | null;
  /** a long closed question's topic, used only for a bare yes or no */
  long: string | null;
  scores: number[];
  /** small talk ("Hur var vägen hit?"): its answer records nothing unless it names something the note has a heading for */
  smallTalk: boolean;
}

export class ExtractiveDrafter implements NoteDrafter {
  readonly info: DrafterInfo = { drafterId: 'extractive:v1', modelId: null };

  async draft(request: DraftRequest): Promise<DraftOutput> {
    request.signal?.throwIfAborted();
    const { workflow, segments, onlySections } = request;
    const sections = compileSections(workflow.sections);
    const extracted = withoutRepeats(extractUnits(segments, sections, workflow.language));
    const spoken = segments.reduce((n, s) => n + s.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
    // Swedish notes only: the English benchmark keeps every sentence, as ACI-Bench's notes are long.
    const units = workflow.language === 'sv' ? withinBudget(extracted, spoken) : extracted;
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
  // Whether anyone but the clinician has spoken yet.
  let heard = false;
  // The words of the last turn by someone other than the clinician.
  let heardWords = new Set<string>();
  // How far the clinician has come: 0 history, 1 examining, 2 judged (see `byPhase`).
  let phase = 0;
  for (const segment of segments) {
    const role = speakerRole(segment.speaker);
    if (role !== 'clinician') heard = true;
    const lastHeard = heardWords;
    heardWords = role === 'clinician' ? heardWords : new Set(segment.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    // Only the turn right after a question answers it, and a clinician does not answer their own question.
    const question = (role === 'clinician' ? null : pending) as PendingQuestion | null;
    pending = null;
    const sentences = splitSentences(withoutAnnotations(segment.text));
    let answered = false;
    let previous: Unit | undefined;
    // What the clinician just announced examining ("Nu mäter jag blodtrycket"): the subject of the next "Det är …".
    let announced: string | null = null;
    sentences.forEach((said, index) => {
      const act = language === 'sv' ? sentenceAct(said, role === 'clinician' ? 'clinician' : 'other') : null;
      const object = announced;
      announced = null;
      // A small-talk question ("Hittade du hit i snön?") is talk, but its answer must be known as one.
      if (language === 'sv' && index === sentences.length - 1 && isQuestion(said, language) && SMALL_TALK.test(said)) {
        pending = { segmentId: segment.id, topic: null, wh: null, long: null, scores: [], smallTalk: true };
        return;
      }
      // Courtesies are left out, unless they answer a closed question ("Tar du den?" – "Ja, det gör jag."); small talk always.
      if (act === 'talk' && (question === null || question.topic === null && isApology(said) || isSmallTalk(said))) return;
      // The answer to small talk records nothing unless it names a complaint ("Minus tjugo i morse", "Mycket folk").
      if (question?.smallTalk && !SYMPTOM.test(said)) return;
      // The clinician repeating a few of the patient's words ("Femtiotvå år.") adds nothing.
      if (role === 'clinician' && isEcho(said, lastHeard)) return;
      if (act === 'announcement') {
        if (role === 'clinician') phase = Math.max(phase, 1);
        announced = announcedObject(said);
        return;
      }
      const sentence = object ? resolveAnnounced(said, object) : said;
      const own = cueScores(normaliseForCues(sentence), sections);
      if (isQuestion(sentence, language)) {
        if (index === sentences.length - 1) {
          const clause = lastClause(sentence);
          const topic = questionTopic(sentence, language) ?? (clause === null ? null : questionTopic(clause, language));
          const long = topic === null && language === 'sv' ? questionTopic(sentence, language, MAX_BARE_ANSWER_TOPIC_WORDS) : null;
          pending = { segmentId: segment.id, topic, wh: topic === null && language === 'sv' ? whTopic(sentence) : null, long, scores: own, smallTalk: false };
        }
        return;
      }
      const first = question !== null && !answered;
      // A value said later in the answer is still about the question: "Hä tar ja. Tjugo enheter."
      const valueLater = !first && question !== null && language === 'sv' && VALUE_FIRST.test(sentence.trim());
      const unit = toUnit(sentence, segment.id, role, first || valueLater ? question : null, language, minWords);
      if (unit === null) return;
      if (act === 'assessment') unit.text = noteStyleSv(judgementItself(unit.text));
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
      // A judgement goes to the assessment heading, a plan or advice to the plan heading, whatever its words;
      // a clinician's uncued description of what they see ("Snabbtestet är positivt") is a finding.
      // Without speaker labels (one-channel upload), "Lungorna låter normala" has the shape of a finding: filed and kept as one.
      const finding = role === 'clinician' ? unit.candidates.length === 0 && (DESCRIBES.test(sentence) || FINDING_SHAPE.test(sentence.trim())) : role === 'unknown' && FINDING_SHAPE.test(sentence.trim());
      const target = act && ACT_ROLE[act] ? bestOfRole(sections, scores, ACT_ROLE[act]) : finding ? bestOfRole(sections, scores, 'findings') : undefined;
      if (target !== undefined) unit.candidates = [target, ...unit.candidates.filter((c) => c !== target)];
      // What the clinician says before the patient has spoken, and is not talk, is why they meet ("Du fick remiss om oro och sömn").
      const opening = role === 'clinician' && !heard && REFERRED.test(sentence) ? bestOfRole(sections, scores, 'reason') : undefined;
      if (opening !== undefined) unit.candidates = [opening, ...unit.candidates.filter((c) => c !== opening)];
      if (role === 'clinician') {
        const examining = act === 'plan' && phase === 1 && CAN_DO.test(sentence);
        if (examining) unit.candidates = byPhase([], sections, scores, 1);
        else unit.candidates = byPhase(unit.candidates, sections, scores, act !== null ? 0 : phase === 2 && DESCRIBES.test(sentence) ? 0 : phase);
        if (examining) unit.act = false;
        if (act === 'assessment') phase = 2;
        else if (sections[unit.candidates[0] ?? -1]?.role === 'findings') phase = Math.max(phase, 1);
      }
      const routed = routeBySpeaker(unit.candidates, sections, scores, role, fallback);
      const weak = unit.candidates.length === 0 && routed.length > 0;
      unit.candidates = routed;
      unit.act = act === 'assessment' || act === 'plan';
      unit.cue = Math.max(0, ...own);
      // The budget never leaves out the answer to a question or the reason; history goes before the other headings.
      const filed = sections[unit.candidates[0] ?? -1]?.role;
      unit.keep = first || reason !== undefined;
      unit.filed = weak ? 0 : filed === 'findings' && (role === 'clinician' || finding) ? 3 : filed !== undefined && filed !== 'history' && filed !== 'findings' ? 1 : 0;
      if (unit.candidates.length > 0) units.push(unit);
    });
  }
  return units;
}


/**
 * A transcriber's or writer's note on the recording ("[brus]", "[ohörbart]", "[skratt]") is not
 * speech, and the break it marks ("[brus] ...höger sida") leaves dots in front of the next words.
 */
export function withoutAnnotations(text: string): string {
  return text.replace(/\[[\p{L}\s-]{1,30}\]\s*(?:\.\.\.|…)?/gu, ' ').replace(/(^|[.!?]\s+)(?:\.\.\.|…)\s*/gu, '$1');
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
  // A long question still names what a bare or short valued yes answers: "Du tar fortfarande Sertralin?" – "Ja, femtio milligram."
  const topic = question?.topic ?? (question?.long && (isBareAnswer(sentence) || shortValuedAnswer(sentence)) ? question.long : null);
  if (question && topic && answerNeedsTopic(sentence, topic)) {
    const answer = cleanAnswer(sentence, language, role);
    const text = language === 'sv' ? noteStyleSv(answerStatement(topic, answer)) : `${topic}: ${answer}`;
    return { text, evidence: [question.segmentId, segmentId], candidates: [], act: false, cue: 0, keep: false, filed: 0 };
  }
  if (question?.wh && answerNeedsTopic(sentence, question.wh.topic)) {
    const text = noteStyleSv(withUnit(cleanAnswer(sentence, language, role), question.wh));
    return { text, evidence: [question.segmentId, segmentId], candidates: [], act: false, cue: 0, keep: false, filed: 0 };
  }
  const cleaned = cleanSentence(sentence, { language, role, minWords });
  if (cleaned === null) return null;
  const text = language === 'sv' ? noteStyleSv(cleaned) : cleaned;
  return { text: text.slice(0, MAX_SENTENCE_CHARS), evidence: [segmentId], candidates: [], act: false, cue: 0, keep: false, filed: 0 };
}

/**
 * "Ja, femtio milligram, varje morgon.", "Tjugo enheter.", "Tre barn.": an answer of at most five
 * words that starts with a value, whatever follows it. Such an answer takes the question's topic:
 * without it, "50 mg, varje morgon" did not say which drug.
 */
function shortValuedAnswer(sentence: string): boolean {
  const text = sentence.trim().replace(/^(?:ja|jo|japp|jadå|precis)[,.!]?\s*/iu, '');
  const first = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return (VALUE_FIRST.test(text) || swedishNumberToValue(first, 0) !== null) && text.split(/\s+/).length <= SHORT_VALUED_WORDS;
}
const SHORT_VALUED_WORDS = 5;

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
