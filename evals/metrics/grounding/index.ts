/**
 * The grounding checker's public entry point: everything outside
 * `evals/metrics/` (the review screen's flags and evidence, edit hints,
 * training, evaluation runs, the CLI and benchmarks) imports from here, so
 * the checker's files can be rearranged without touching its users
 * (`scripts/check-imports.ts` holds server code to it). Input and output only
 * grow by optional fields.
 */
export { checkGrounding, checkSection, headingLine } from './checker';
/** For learning and measuring the severity policy (evals/validation/grounding-policy.ts) and the rule tests. */
export { checkClaims, checkRules, withPolicy, type ClaimedResult } from './checker';
export { isUntyped, levelOf, STORED_POLICY, type Level, type Policy } from './claims';
export {
  FLAG_KINDS,
  LanguageSchema,
  TranscriptSegmentInputSchema,
  type Flag,
  type FlagKind,
  type GroundingInput,
  type GroundingResult,
  type Language,
  type Severity,
} from './types';
/** The checker's own word matching (content words, stems), for aligning a sentence with the segments it rests on. */
export { hasStem, isContentWord } from './content';
export { stemTokens } from './terms';
export { splitSentences } from './text';
