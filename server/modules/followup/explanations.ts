import type { Extrapolation } from './assumptions';
import type { ProfessionQuality } from './quality-points';
import type { SurveyGroup } from './surveys';
import type { TimeGroup } from './time-saved';

/**
 * Plain-Swedish text under each chart: what it measures, and how sure the
 * figure is (how many notes, the interval). The dashboard and the reports
 * print the same sentences.
 */
export const DEFINITIONS_SV = {
  activeTime:
    'Aktiv redigeringstid: summan av de perioder då anteckningen var öppen och bearbetades i editorn fram till signering. Tid då anteckningen låg orörd räknas inte.',
  totalTime:
    'Total tid: från konsultationens slut (den angivna sluttiden, annars när inspelningen stoppades, annars när granskningen öppnades) till signering. Väntan på utkastet och avbrott ingår.',
  timeSaved:
    'Tid sparad per anteckning = baslinjens tid − tiden med AI-stöd, jämfört inom varje kliniker (klinikerns egna baslinjeanteckningar, eller med ett jämförelseschema klinikerns perioder utan och med AI) och sedan vägt samman över klinikerna. En kliniker utan egen baslinje jämförs, utan schema, med importerade tider från en tidsstudie (räknas separat); varje siffra anger hur många kliniker och anteckningar den vilar på och hur många kliniker som saknar jämförelse.',
  interval:
    'Intervallen är 95 % konfidensintervall från klusterbootstrap över kliniker (hela kliniker dras om), med t-fördelningens kvantil för antalet kliniker. Medianen visas bredvid medelvärdet eftersom redigeringstider är sneda; den har inget intervall.',
  suppression: 'Siffror som vilar på färre än fem kliniker eller färre än fem anteckningar (eller svar) visas inte, så att ingen enskild kan pekas ut.',
} as const;

const fmt = (x: number, d = 1) => x.toLocaleString('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d });

export function explainTime(groups: TimeGroup[]): string {
  const nAi = groups.reduce((s, g) => s + g.ai.active.n, 0);
  const clinicians = groups.reduce((s, g) => s + g.saved.active.clinicians, 0);
  const without = groups.reduce((s, g) => s + g.saved.active.withoutComparison, 0);
  const measured = groups.filter((g) => g.baseline.source === 'measured').reduce((s, g) => s + g.baseline.active.n, 0);
  const imported = groups.some((g) => g.baseline.source === 'imported');
  const shown = groups.filter((g) => g.saved.active.mean !== null);
  const widest = shown.reduce<TimeGroup | null>((w, g) => {
    const width = (x: TimeGroup) => (x.saved.active.meanCi ? x.saved.active.meanCi.upper - x.saved.active.meanCi.lower : 0);
    return !w || width(g) > width(w) ? g : w;
  }, null);
  const parts = [
    `Diagrammet jämför aktiv redigeringstid per anteckning med AI-stöd och utan (baslinje). Underlaget är ${nAi} anteckningar med AI-stöd och ${measured} uppmätta baslinjeanteckningar${imported ? ' samt importerade tider från en tidsstudie' : ''}; ${clinicians} kliniker har en jämförelse och ${without} saknar en.`,
    shown.length
      ? `${shown.length} av ${groups.length} grupper har tillräckligt underlag för en jämförelse.${widest?.saved.active.meanCi ? ` Osäkrast är ${widest.professionName} (${widest.label}): ${fmt(widest.saved.active.mean!)} min sparad, 95 % KI ${fmt(widest.saved.active.meanCi.lower)} till ${fmt(widest.saved.active.meanCi.upper)} min.` : ''}`
      : 'Ingen grupp har ännu tillräckligt underlag (minst fem kliniker med både AI-anteckningar och en baslinje) för en jämförelse.',
    DEFINITIONS_SV.interval,
    DEFINITIONS_SV.suppression,
  ];
  return parts.join(' ');
}

export function explainExtrapolation(rows: Extrapolation[]): string {
  const done = rows.filter((r) => r.hoursPerYear);
  return [
    'Uppräkningen till timmar och kronor per år = anteckningar per år × andel lämpliga anteckningar × sparade minuter per anteckning (medelvärde) ÷ 60, och kronor = timmar × timkostnad inklusive sociala avgifter.',
    'Antagandena är projektledningens och står bredvid resultatet; intervallet är konfidensintervallet för sparad tid uppräknat på samma sätt och tar inte hänsyn till osäkerhet i antagandena.',
    done.length ? `${done.length} av ${rows.length} yrkesgrupper har både antaganden och en jämförelse.` : 'Ingen yrkesgrupp har ännu både antaganden och en jämförelse.',
  ].join(' ');
}

export function explainQuality(rows: ProfessionQuality[]): string {
  const n = rows.reduce((s, r) => s + r.n, 0);
  const rated = rows.reduce((s, r) => s + r.ratingN, 0);
  const sentences = rows.reduce((s, r) => s + r.sentences, 0);
  return [
    `Kvaliteten bygger på ${n} signerade anteckningar med AI-utkast, varav ${rated} betygsatta vid signering (1–5), och ${sentences} utkastmeningar.`,
    'Flaggor per 100 meningar är hur ofta granskningen av utkastet hittade något som inte stöds av samtalet (siffror, läkemedel, negationer, diagnoser, planer); andelen åtgärdade och avfärdade visar hur klinikerna hanterade dem.',
    'Redigeringsavståndet är andelen tecken som ändrades från utkast till signerad anteckning (0 = oförändrat).',
    'Betygens medelvärde har ett 95 % konfidensintervall från bootstrap; trendpunkter med färre än fem anteckningar visas inte.',
  ].join(' ');
}

export function explainSurveys(rows: SurveyGroup[]): string {
  const before = rows.reduce((s, r) => s + r.before.respondents, 0);
  const after = rows.reduce((s, r) => s + r.after.respondents, 0);
  return [
    `Enkäten besvarades av ${before} personer före och ${after} efter försöksperioden.`,
    'Utbrändhet är Mini-Z:s fråga (1–5; 3 eller mer räknas som tecken på utbrändhet). Belastningen är fyra frågor i NASA-TLX-stil (0–100, högre = tyngre).',
    'Före och efter kan vara olika personer; skillnaden är därför en indikation, inte ett bevis. Yrkesgrupper med färre än fem svar visas inte.',
  ].join(' ');
}
