import type { ReportData } from './data';
import { professionTables } from './profession-tables';
import { RECOMMENDATION_RULE_SV } from './recommendation';
import { READINESS_RULE_SV } from '../../training/readiness';
import { trainingTables } from './training-tables';
import { ANALYSIS_PLAN_SV } from '../analysis-plan';
import { designLines, precisionTableOf } from './analysis-tables';
import { assumptionsTable, summaryTable, type Cell, type Table } from './tables';
import { demoPilotWarningSv } from '../../../seed/demo-pilot';

/**
 * The report as a chapter of the region's implementation plan, in Swedish:
 * bakgrund och metod, resultat per yrkesgrupp, erfarenheter från
 * arbetsgrupperna, risker och begränsningar, rekommendation, nästa steg.
 * Figures come from the same tables as the workbook.
 */
const num = (x: number) => x.toLocaleString('sv-SE', { maximumFractionDigits: 2 }).replace(/\u00a0/g, ' ');
const cell = (c: Cell) => (c === null ? '–' : typeof c === 'number' ? num(c) : c.replace(/\|/g, '\\|').replace(/\n/g, ' '));

/** A Markdown table wider than this is split: wider tables do not fit a page of the plan or a screen. */
export const MAX_MD_COLUMNS = 8;

/**
 * Splits a wide table into parts that each repeat its key columns (the
 * first, and a second when the first is Yrkesgrupp or Månad) followed by at
 * most MAX_MD_COLUMNS − keys of the rest, in order; columns empty in every
 * row are left out.
 */
export function narrowTables(t: Table): Table[] {
  const keys = ['Yrkesgrupp', 'Månad'].includes(t.headers[0] ?? '') && t.headers.length > 2 ? 2 : 1;
  const rest = t.headers.map((_, i) => i).filter((i) => i >= keys && t.rows.some((r) => r[i] !== null && r[i] !== ''));
  if (keys + rest.length <= MAX_MD_COLUMNS) {
    const cols = [...Array(keys).keys(), ...rest];
    return [{ title: t.title, headers: cols.map((i) => t.headers[i]!), rows: t.rows.map((r) => cols.map((i) => r[i] ?? null)) }];
  }
  const width = MAX_MD_COLUMNS - keys;
  const parts = Math.ceil(rest.length / width);
  return Array.from({ length: parts }, (_, p) => {
    const cols = [...Array(keys).keys(), ...rest.slice(p * width, (p + 1) * width)];
    return { title: `${t.title} (del ${p + 1} av ${parts})`, headers: cols.map((i) => t.headers[i]!), rows: t.rows.map((r) => cols.map((i) => r[i] ?? null)) };
  });
}

export function markdownTable(t: Table, level = '####'): string {
  if (t.rows.length === 0) return `${level} ${t.title}\n\n${t.note ?? 'Inga uppgifter under perioden.'}\n`;
  const parts = narrowTables(t)
    .map((part) =>
      [
        `${level} ${part.title}`,
        '',
        `| ${part.headers.join(' | ')} |`,
        `| ${part.headers.map(() => '---').join(' | ')} |`,
        ...part.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      ].join('\n'),
    )
    .join('\n');
  return t.note ? `${parts}\n${t.note}\n` : parts;
}

export function buildMarkdown(report: ReportData): string {
  const { data } = report;
  const { filters, definitions } = data;
  const out: string[] = [];
  const nAi = data.time.byProfession.reduce((s, g) => s + g.ai.active.n, 0);
  const nBase = data.time.byProfession.reduce((s, g) => s + (g.baseline.source === 'measured' ? g.baseline.active.n : 0), 0);

  out.push(`# Uppföljning av AI-stödd journalföring ${filters.from} – ${filters.to}`, '');
  out.push(`*Underlag ur Journalverkstan, skapat ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC. Inga journaltexter, namn eller personnummer ingår.*`, '');

  if (report.demoPilot) out.push(`> **${demoPilotWarningSv(report.demoPilot)}**`, '');

  out.push('## 1. Bakgrund och metod', '');
  out.push('### Förhandsbestämd analys', '', 'Så här analyseras tidsvinsten; texten står före siffrorna och ändras inte efter att resultaten setts.', '');
  for (const text of ANALYSIS_PLAN_SV) out.push(`- ${text}`);
  out.push('', '**Design under perioden.**', '', ...designLines(report).map((l) => `- ${l}`));
  out.push('', markdownTable(precisionTableOf(data.time.precision), '###'));
  out.push(
    `Under perioden signerades ${nAi} anteckningar med AI-stöd och ${nBase} anteckningar i baslinjeläge (utan AI-stöd, tidsatta på samma sätt). Varje anteckning räknas en gång, vid första signeringen; senare ändringar räknas inte.`,
    '',
  );
  for (const text of Object.values(definitions)) out.push(`- ${text}`);
  out.push('', data.extrapolation.explanation, '');
  out.push(markdownTable(assumptionsTable(report), '###'));
  out.push(markdownTable(summaryTable(report), '###'));

  out.push('## 2. Resultat per yrkesgrupp', '');
  if (report.professions.length === 0) out.push('Inga signerade anteckningar under perioden.', '');
  for (const p of report.professions) {
    const t = professionTables(report, p.id);
    const q = data.quality.byProfession.find((x) => x.professionId === p.id);
    out.push(`### ${p.name}`, '');
    out.push('#### Tid', '', ...t.time.map((x) => markdownTable(x, '#####')));
    out.push('#### Kvalitet', '', ...t.quality.map((x) => markdownTable(x, '#####')));
    out.push('#### Säkerhet', '');
    out.push(
      q && q.flagsPer100Sentences !== null
        ? `Granskningen av utkasten gav ${num(q.flagsPer100Sentences)} flaggor per 100 meningar, varav ${num(q.criticalFlagsPer100Sentences ?? 0)} kritiska (siffror med enhet, doser och vitalparametrar). ${num((q.flagsOpenShare ?? 0) * 100)} % av flaggorna signerades utan att ha åtgärdats eller avfärdats. Taggen "påhittat" sattes på ${num((q.tags?.invented ?? 0) * 100)} % av anteckningarna.`
        : `För litet underlag för säkerhetsmåtten (${q?.suppressed ?? 'inga AI-anteckningar'}).`,
      '',
      markdownTable(t.safety, '#####'),
    );
    out.push('#### Enkät', '', markdownTable(t.survey, '#####'));
  }

  out.push('## 3. Erfarenheter från arbetsgrupperna', '');
  for (const p of report.professions) {
    const t = professionTables(report, p.id);
    const versions = [...data.labels.versions.values()].filter((v) => v.professionId === p.id);
    out.push(`### ${p.name}`, '', `Arbetsgruppen har ${versions.length} version${versions.length === 1 ? '' : 'er'} av sina arbetssätt.`, '');
    for (const table of t.codesign) out.push(markdownTable(table, '####'));
  }

  out.push('## 4. Risker och begränsningar', '');
  out.push(
    '- Tiderna mäts av arbetsbänken själv (aktiv tid i editorn); arbete utanför editorn, till exempel i journalsystemet, syns inte.',
    '- Baslinjen är antingen uppmätt i baslinjeläge eller importerad från en tidsstudie; en importerad baslinje är mätt på annat sätt och jämförs bara med aktiv redigeringstid.',
    '- Deltagarna valde själva vilka besök som dokumenterades med AI-stöd, vilket kan ge ett urval av enklare besök.',
    '- Flaggorna är automatiska kandidater till fel, inte bekräftade fel; en låg flaggfrekvens betyder inte att anteckningen är felfri.',
    '- Enkätens före- och eftermätning kan omfatta olika personer.',
    `- ${definitions.suppression}`,
    '',
  );

  out.push('## 5. Rekommendation per yrkesgrupp', '', RECOMMENDATION_RULE_SV, '');
  out.push('| Yrkesgrupp | Rekommendation | Skäl |', '| --- | --- | --- |');
  for (const p of report.professions) out.push(`| ${p.name} | ${p.recommendation.recommendation} | ${p.recommendation.reasons.join(' ')} |`);
  out.push('');
  out.push('### Beredskap: granskningsträning', '');
  out.push(
    'Varje yrkesgrupp övar på att granska AI-utkast med planterade fel innan arbetssättet tas i produktion (AI-kunnighet enligt EU:s AI-förordning art. 4). Läget när rapporten skapades:',
    '',
    READINESS_RULE_SV(report.training.line),
    '',
  );
  for (const table of trainingTables(report)) out.push(markdownTable(table, '####'));

  out.push('## 6. Nästa steg', '');
  const next = (r: string) => report.professions.filter((p) => p.recommendation.recommendation === r).map((p) => p.name);
  const införa = next('införa');
  const pröva = next('fortsätta pröva');
  const avvakta = next('avvakta');
  if (införa.length) out.push(`- Planera införande för ${införa.join(', ')}: utbildning, stöd i journalsystemet och fortsatt uppföljning med samma mått.`);
  if (pröva.length) out.push(`- Fortsätt försöket för ${pröva.join(', ')} tills underlaget räcker för ett beslut; följ upp med en ny rapport.`);
  if (avvakta.length) out.push(`- Avvakta för ${avvakta.join(', ')}: arbetsgruppen ser över arbetssättet och testfallen innan nytt försök.`);
  out.push('- Uppdatera antagandena (anteckningar per år, andel lämpliga, timkostnad) med verksamhetens egna siffror innan beslut om resurser.', '');
  return out.join('\n');
}
