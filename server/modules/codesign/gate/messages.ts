import { svNumber, svPercent } from '../../../contracts/sv-number';
import type { GateConfig } from './config';

/** One checked criterion of the gate, with the sentence a designer or lead reads. */
export interface Criterion {
  key: keyof GateConfig;
  label: string;
  /** the bar to meet; for keyFactRecallNotBelowProduktion the produktion version's recall */
  threshold: number | null;
  measured: number | null;
  passed: boolean;
  message: string;
}

export interface GateContext {
  hasRun: boolean;
  hasRound: boolean;
  produktionVersion: number | null;
}

export const CRITERION_LABELS: Record<keyof GateConfig, string> = {
  maxCriticalFlagsPerCase: 'Kritiska flaggor i något testfall',
  minKeyFactRecall: 'Andel nyckelfakta som kommer med',
  keyFactRecallNotBelowProduktion: 'Nyckelfakta inte sämre än produktion',
  minCriticalKeyFactRecall: 'Andel kritiska nyckelfakta som kommer med',
  minMeanPdqi: 'Medelbetyg PDQI-9 i bedömningen',
  minAlpha: 'Bedömarnas samstämmighet (Krippendorffs α)',
  minRaters: 'Antal bedömare',
  minTrainedShare: 'Andel kliniker som genomfört granskningsträningen',
  minTrainingDetection: 'Upptäckt av kritiska fel i granskningsträningen',
};

const NO_RUN = 'versionen har ingen klar körning på testfallen – kör den först.';
const NO_ROUND = 'versionen har inte varit med i någon avslutad blind bedömningsomgång.';

/** "Andel nyckelfakta som kommer med: 72 % – kravet är minst 80 % (inte uppfyllt)." One self-contained sentence: plain Swedish, decimal commas, no internal names. */
export function criterionMessage(c: Pick<Criterion, 'key' | 'measured' | 'threshold' | 'passed'>, ctx: GateContext): { label: string; message: string } {
  const label = CRITERION_LABELS[c.key];
  const done = c.passed ? 'uppfyllt' : 'inte uppfyllt';
  const message = (() => {
    if (!ctx.hasRun && !['minRaters', 'minAlpha', 'minMeanPdqi', 'minTrainedShare', 'minTrainingDetection'].includes(c.key)) return `${label}: ${NO_RUN}`;
    if (!ctx.hasRound && ['minRaters', 'minAlpha', 'minMeanPdqi'].includes(c.key)) return `${label}: ${NO_ROUND}`;
    switch (c.key) {
      case 'maxCriticalFlagsPerCase':
        return `Kritiska flaggor: som mest ${svNumber(c.measured, 0)} i ett testfall – högst ${svNumber(c.threshold, 0)} tillåts (${done}).`;
      case 'minKeyFactRecall':
      case 'minCriticalKeyFactRecall':
        if (c.measured === null) return `${label}: testfallen saknar sådana nyckelfakta att mäta mot.`;
        return `${label}: ${svPercent(c.measured)} – kravet är minst ${svPercent(c.threshold)} (${done}).`;
      case 'keyFactRecallNotBelowProduktion':
        if (c.threshold === null)
          return `Produktionsversionen (version ${ctx.produktionVersion}) har ingen klar körning på samma testfall att jämföra med – kör den också.`;
        return `Nyckelfakta som kommer med: ${svPercent(c.measured, 1)} mot ${svPercent(c.threshold, 1)} för produktionsversionen (version ${ctx.produktionVersion}) på samma testfall (${done}).`;
      case 'minRaters':
        return `Antal bedömare: ${svNumber(c.measured, 0)} – minst ${svNumber(c.threshold, 0)} behövs (${done}).`;
      case 'minAlpha':
        return `Bedömarnas samstämmighet α = ${svNumber(c.measured, 2, true)} – minst ${svNumber(c.threshold, 2, true)} behövs för att betygen ska räknas (${done}).`;
      case 'minTrainedShare':
        return `${label}: ${c.measured === null ? 'yrkesgruppen har inga kliniker i systemet' : svPercent(c.measured)} – kravet är minst ${svPercent(c.threshold)} (${done}).`;
      case 'minTrainingDetection':
        if (c.measured === null) return `${label}: färre än fem personer har övat, så ingen siffra visas ännu (${done}).`;
        return `${label}: ${svPercent(c.measured)} – kravet är minst ${svPercent(c.threshold)} (${done}).`;
      case 'minMeanPdqi':
        return `Medelbetyg PDQI-9: ${svNumber(c.measured, 2, true)} av 5 – kravet är minst ${svNumber(c.threshold, 2, true)} (${done}).`;
    }
  })();
  return { label, message };
}
