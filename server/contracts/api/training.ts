import { z } from 'zod';
import { RoundStatus, TrainingCaseSource } from '../status';
import { ErrorKindSchema, TrainingCaseDataSchema } from '../training';
import { Id, Timestamp } from './common';

/** Answers of review training (server/modules/training): cases, rounds, feedback, scores and readiness. */
const Rate = z.number().nullable();

const TrainingCaseSummarySchema = z.object({
  id: Id,
  groupId: Id,
  testCaseId: z.string().nullable(),
  slug: z.string(),
  title: z.string(),
  source: TrainingCaseSource.schema,
  revision: z.number().int(),
  updatedAt: Timestamp,
  profession: z.string(),
  errors: z.number().int(),
  byKind: z.partialRecord(ErrorKindSchema, z.number()),
});
export type TrainingCaseSummary = z.infer<typeof TrainingCaseSummarySchema>;
export const TrainingCaseListSchema = z.object({ trainingCases: z.array(TrainingCaseSummarySchema) });

/** The grounding checker's flag on a training draft: offsets into the section's text, `turn` its closest evidence. */
const TrainingFlagSchema = z.object({ section: z.number(), start: z.number(), end: z.number(), kind: z.string(), severity: z.string(), turn: z.number().nullable() });
export type TrainingFlag = z.infer<typeof TrainingFlagSchema>;

/** A case with its data; the flags come only with GET (a save answers without them). */
export const TrainingCaseDetailSchema = z.object({ trainingCase: TrainingCaseSummarySchema, data: TrainingCaseDataSchema, flags: z.array(TrainingFlagSchema).optional() });
export type TrainingCaseDetail = z.infer<typeof TrainingCaseDetailSchema>;

const CandidateSchema = z.object({
  key: z.string(),
  rule: z.string(),
  kind: ErrorKindSchema,
  section: z.number(),
  start: z.number(),
  end: z.number(),
  original: z.string(),
  replacement: z.string(),
  said: z.string(),
  turn: z.number().nullable(),
});
export type Candidate = z.infer<typeof CandidateSchema>;
export const VariantsSchema = z.object({ revision: z.number().int(), candidates: z.array(CandidateSchema) });

/** `participants` is null for a participant (they see only their own progress). */
const TrainingRoundSchema = z.object({
  id: Id,
  groupId: Id,
  name: z.string(),
  status: RoundStatus.schema,
  showFlags: z.boolean(),
  timeLimitSeconds: z.number().nullable(),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
  cases: z.array(z.object({ caseId: Id, title: z.string(), answered: z.boolean() })),
  participants: z.array(z.object({ id: Id, displayName: z.string().nullable(), answered: z.number() })).nullable(),
});
export type TrainingRound = z.infer<typeof TrainingRoundSchema>;
export const TrainingRoundListSchema = z.object({ rounds: z.array(TrainingRoundSchema) });
export const TrainingRoundEnvelopeSchema = z.object({ round: TrainingRoundSchema });
export const ParticipantsSchema = z.object({
  participants: z.array(z.object({ id: Id, displayName: z.string(), profession: z.string().nullable(), careUnit: z.string().nullable() })),
});

const FeedbackSchema = z.object({
  planted: z.number(),
  found: z.number(),
  missed: z.number(),
  falseMarks: z.number(),
  durationMs: z.number().nullable(),
  errors: z.array(
    z.object({
      id: z.string(),
      kind: ErrorKindSchema,
      kindLabel: z.string(),
      critical: z.boolean(),
      section: z.number(),
      heading: z.string(),
      start: z.number(),
      end: z.number(),
      text: z.string(),
      said: z.string(),
      evidence: z.object({ turn: z.number(), speaker: z.string(), text: z.string() }).nullable(),
      found: z.boolean(),
      kindCorrect: z.boolean(),
    }),
  ),
  falseMarkList: z.array(z.object({ type: z.enum(['span', 'missing']), section: z.number().nullable(), heading: z.string(), text: z.string(), kindLabel: z.string() })),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
export const FeedbackEnvelopeSchema = z.object({ feedback: FeedbackSchema });

/** What a participant reviews: never the planted errors; flags only when the round shows them; feedback once signed. */
export const ReviewCaseSchema = z.object({
  round: z.object({ id: Id, name: z.string(), status: RoundStatus.schema, showFlags: z.boolean(), timeLimitSeconds: z.number().nullable() }),
  case: z.object({
    caseId: Id,
    title: z.string(),
    profession: z.string(),
    turns: z.array(z.object({ id: z.string(), speaker: z.string(), text: z.string() })),
    draft: z.array(z.object({ heading: z.string(), text: z.string() })),
    flags: z.array(TrainingFlagSchema).nullable(),
  }),
  startedAt: Timestamp.nullable(),
  feedback: FeedbackSchema.nullable(),
});
export type ReviewCase = z.infer<typeof ReviewCaseSchema>;

const KindRate = z.object({ kind: ErrorKindSchema, planted: z.number(), found: z.number(), detection: Rate });
export const MyScoresSchema = z.object({
  scores: z.object({
    cases: z.number(),
    planted: z.number(),
    found: z.number(),
    detection: Rate,
    falseMarks: z.number(),
    falseMarksPerCase: Rate,
    meanSecondsPerCase: Rate,
    byKind: z.array(KindRate),
    progress: z.array(
      z.object({ roundId: Id, name: z.string(), showFlags: z.boolean(), finishedAt: Timestamp.nullable(), cases: z.number(), planted: z.number(), found: z.number(), detection: Rate, falseMarks: z.number() }),
    ),
  }),
});
export type MyScores = z.infer<typeof MyScoresSchema>['scores'];

/** An aggregate over people; `detection` is null (suppressed) under the minimum number of people. */
const Cell = z.object({ people: z.number(), detection: Rate, suppressed: z.boolean() });
export type SummaryCell = z.infer<typeof Cell>;
const Split = z.object({ all: Cell, withFlags: Cell, withoutFlags: Cell });
export const SummarySchema = z.object({
  summary: z.object({
    minPeople: z.number(),
    people: z.number(),
    overall: Split,
    falseMarksPerCase: Rate,
    byKind: z.array(Split.extend({ kind: ErrorKindSchema })),
    byProfession: z.array(Split.extend({ professionId: Id, code: z.string(), name: z.string(), byKind: z.array(Cell.extend({ kind: ErrorKindSchema })) })),
  }),
});
export type Summary = z.infer<typeof SummarySchema>['summary'];

const ReadinessRowSchema = z.object({
  professionId: Id,
  profession: z.string(),
  careUnitId: z.string().nullable(),
  careUnit: z.string().nullable(),
  clinicians: z.number(),
  trained: z.number(),
  trainedShare: Rate,
  /** people behind the detection rate */
  people: z.number(),
  criticalDetection: Rate,
  ready: z.boolean(),
});
export type ReadinessRow = z.infer<typeof ReadinessRowSchema>;
export const ReadinessSchema = z.object({
  line: z.object({ minTrainedShare: z.number(), minCriticalDetection: z.number(), updatedAt: Timestamp.nullable() }),
  minPeople: z.number(),
  byProfession: z.array(ReadinessRowSchema),
  byUnit: z.array(ReadinessRowSchema),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
