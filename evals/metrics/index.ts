/**
 * The metrics' public entry point: the registry of note metrics (labels,
 * direction, scale, computation, validation) that evaluation runs,
 * comparisons, the promotion gate and the `eval` CLI share. The grounding
 * checker has its own entry, `./grounding`.
 */
export {
  METRICS,
  NoteScoring,
  metric,
  meets,
  scoreNote,
  verdict,
  type Direction,
  type MetricDefinition,
  type MetricId,
  type NoteScoringInput,
  type Scale,
} from './registry';
