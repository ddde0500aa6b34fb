import { svNumber } from '../../../contracts/sv-number';
import type { PrecisionPlan } from '../analysis-plan';
import type { ReportData } from './data';
import { r2, type Table } from './tables';

/**
 * The report's precision calculator: per profession, the clinicians and
 * notes a ± 30 s interval on time saved needs, from the variance seen so far
 * (or stated assumptions, labelled). Kept apart from the result tables so
 * their layout can change without touching it.
 */
export function precisionTableOf(plans: PrecisionPlan[]): Table {
  const sides = plans[0]?.rows.map((r) => r.notesPerSide) ?? [];
  return {
    title: 'Hur många kliniker behövs för ± 30 s (95 % KI för tid sparad)',
    headers: ['Yrkesgrupp', 'Underlag', 'SD per anteckning (min)', 'SD mellan kliniker (min)', 'Andel som följer schemat (%)', 'Omdragen enhet', 'Designeffekt', ...sides.map((m) => `Kliniker vid ${m} anteckningar per läge (n)`)],
    rows: plans.map((p) => [
      p.professionName,
      p.source === 'observed' ? 'spridning hittills' : 'antagande',
      r2(p.assumptions.withinSd),
      r2(p.assumptions.betweenSd),
      Math.round((p.assumptions.compliance ?? 1) * 100),
      designText(p),
      r2(p.assumptions.designEffect ?? 1),
      ...p.rows.map((r) => r.clinicians),
    ]),
    note: 'Tomt = inte nåbart med 5 000 kliniker. Antal anteckningar = kliniker × 2 × anteckningar per läge. Designeffekt: hur mycket variansen växer när hela vårdenheter dras om (schema per enhet); beräkningen multiplicerar variansen med den och räknar frihetsgraderna på antalet enheter.',
  };
}

/** Which unit the plan resamples and where the design effect comes from, in words. */
function designText(p: PrecisionPlan): string {
  if (p.design.cluster === 'clinician') return 'kliniker';
  const k = svNumber(p.assumptions.clusterSize ?? 1, 1, true);
  if (p.design.source === 'observed') return `vårdenhet (uppmätt, ${k} kliniker per enhet)`;
  return `vårdenhet (antagen: ρ = ${svNumber(p.design.icc ?? 0, 2)}, ${k} kliniker per enhet)`;
}

/** How a scheduled comparison was analysed: the resampled unit and the calendar-time adjustment of stepped schedules. */
function scheduleAnalysis(g: ReportData['data']['time']['byProfession'][number]): string {
  const parts = [];
  if (g.analysis.cluster === 'unit') parts.push(`osäkerheten från omdragning av hela vårdenheter (${g.saved.active.clusters} enheter), eftersom schemat tilldelar per enhet`);
  if (g.analysis.periodAdjusted) parts.push('justerad för kalendertid (en effekt per period), eftersom AI-perioderna i ett trappstegsschema alltid kommer senare');
  return parts.length ? `; ${parts.join('; ')}` : '';
}

/** The design in force: the lead's schedules, and per profession which comparison the figures rest on. */
export function designLines(report: ReportData): string[] {
  const { schedules, time } = report.data;
  const lines = schedules.map((s) => `${s.name}: ${s.description}; ${s.encounters} besök, varav ${s.overrides} avvek från schemat.`);
  for (const g of time.byProfession.filter((x) => x.saved.active.clinicians > 0)) {
    lines.push(`${g.professionName}: ${g.design === 'schedule' ? `jämförelse enligt schema (perioderna som de tilldelades)${scheduleAnalysis(g)}` : 'jämförelse inom kliniker efter eget val (inget schema)'}.`);
  }
  return lines.length ? lines : ['Inget jämförelseschema har använts; jämförelserna bygger på klinikernas eget val av arbetssätt.'];
}
