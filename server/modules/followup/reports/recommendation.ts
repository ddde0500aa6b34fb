import type { LabelMove } from '../codesign';
import type { ProfessionQuality } from '../quality-points';
import type { TimeGroup } from '../time-saved';
import { timeVerdict, UNCERTAIN_TIME_SV } from '../../../contracts/time-verdict';

/**
 * Recommendation per profession, derived only from figures in the report and
 * the working group's own promotion gate. The rule is printed with it.
 */
export type Recommendation = 'införa' | 'fortsätta pröva' | 'avvakta';

export const RECOMMENDATION_RULE_SV = [
  '**Införa** när allt detta gäller: tid sparad per anteckning (aktiv redigeringstid, medelvärde) har ett 95 % konfidensintervall helt över noll; klinikernas medelbetyg vid signering är minst 3,5 av 5; och arbetsgruppens senaste flytt av etiketten produktion passerade spärren utan åsidosättande.',
  '**Avvakta** när något av detta gäller: AI-stödet tar tydligt längre tid (hela intervallet under noll); medelbetyget är under 3,0; eller den senaste produktionsflytten gjordes trots underkänd spärr (åsidosättande) eller underkändes.',
  '**Fortsätta pröva** i övriga fall, också när underlaget är för litet för att avgöra.',
].join('\n');

export interface RecommendationResult {
  recommendation: Recommendation;
  reasons: string[];
}

export function recommend(time: TimeGroup | undefined, quality: ProfessionQuality | undefined, moves: LabelMove[]): RecommendationResult {
  const saved = time?.saved.active;
  const rating = quality?.ratingMean ?? null;
  const latest = moves.filter((m) => m.label === 'produktion').at(-1);
  const reasons: string[] = [];
  const avvakta: string[] = [];
  const verdict = saved ? timeVerdict(saved) : 'saknas';
  if (verdict === 'längre') avvakta.push('AI-stödet tar längre tid än baslinjen (hela intervallet under noll).');
  if (rating !== null && rating < 3) avvakta.push(`Medelbetyget ${rating.toFixed(2).replace('.', ',')} är under 3,0.`);
  if (latest?.override) avvakta.push('Senaste produktionsflytten gjordes trots underkänd spärr.');
  else if (latest?.gatePassed === false) avvakta.push('Senaste produktionsflytten underkändes av spärren.');
  if (avvakta.length) return { recommendation: 'avvakta', reasons: avvakta };

  const savesTime = verdict === 'sparad';
  const goodRating = rating !== null && rating >= 3.5;
  const gateOk = latest?.gatePassed === true && !latest.override;
  reasons.push(savesTime ? 'Tid sparas (intervallet helt över noll).' : verdict === 'saknas' ? 'För litet underlag för tidsjämförelse.' : `Tidsvinsten är osäker: ${UNCERTAIN_TIME_SV}.`);
  reasons.push(goodRating ? 'Medelbetyget är minst 3,5.' : rating === null ? 'För få betyg.' : 'Medelbetyget är under 3,5.');
  reasons.push(gateOk ? 'Spärren passerades vid senaste produktionsflytten.' : 'Inget passerat spärrbeslut för produktionsversionen under perioden.');
  return { recommendation: savesTime && goodRating && gateOk ? 'införa' : 'fortsätta pröva', reasons };
}
