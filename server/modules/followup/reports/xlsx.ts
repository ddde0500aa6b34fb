import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportData } from './data';
import { professionTables } from './profession-tables';
import { RECOMMENDATION_RULE_SV } from './recommendation';
import { READINESS_RULE_SV } from '../../training/readiness';
import { trainingTables } from './training-tables';
import { ANALYSIS_PLAN_SV } from '../analysis-plan';
import { designLines, precisionTableOf } from './analysis-tables';
import { assumptionsTable, eventsTable, summaryTable, type StreamedTable, type Table } from './tables';
import { followupWorkbookTable } from './workbook-table';
import { addTableSheet } from './xlsx-sheet';
import { demoPilotWarningSv } from '../../../seed/demo-pilot';

/**
 * The follow-up workbook: one table per sheet (Sammanfattning, the shared
 * follow-up template, each kind of per-profession table with the profession
 * as its first column, Antaganden, Utbildning, Händelser), and "Läs mig"
 * with the period, the definitions and the decision rule one criterion per
 * row. Cells hold numbers as numbers and dates as dates so the region can
 * filter and paste them; units are in the headers and the number formats.
 */
const INVALID_SHEET_CHARS = /[\\/*?:[\]]/g;

function sheetName(title: string, used: Set<string>): string {
  const base = title.split(' (')[0]!.split(':')[0]!.replace(INVALID_SHEET_CHARS, '-').slice(0, 31).trim();
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate);
  return candidate;
}

/** Per-profession tables of one kind as one table, the profession in the first column. */
function acrossProfessions(report: ReportData, pick: (t: ReturnType<typeof professionTables>) => Table): Table | null {
  const parts = report.professions.map((p) => ({ name: p.name, table: pick(professionTables(report, p.id)) }));
  const first = parts[0]?.table;
  if (!first) return null;
  const hasProfession = first.headers[0] === 'Yrkesgrupp';
  return {
    title: first.title,
    headers: hasProfession ? first.headers : ['Yrkesgrupp', ...first.headers],
    rows: parts.flatMap(({ name, table }) => (hasProfession ? table.rows : table.rows.map((r) => [name, ...r]))),
  };
}

/** "Läs mig": what the workbook holds and how to read it, as a two-column table with wrapped text. */
function readMe(report: ReportData): Table {
  const { filters, definitions, generatedAt } = report.data;
  const rule = (text: string) => text.split('\n').map((line) => line.replace(/\*\*/g, ''));
  return {
    title: 'Läs mig',
    headers: ['Rubrik', 'Text'],
    rows: [
      ...(report.demoPilot ? [['Påhittade data', demoPilotWarningSv(report.demoPilot)]] : []),
      ['Period', `${filters.from} – ${filters.to}`],
      ['Skapad', `${generatedAt.slice(0, 16).replace('T', ' ')} UTC`],
      // the analysis as stated before the numbers, then the design in force
      ...ANALYSIS_PLAN_SV.map((text, i) => [`Förhandsbestämd analys ${i + 1}`, text.replace(/\*\*/g, '')]),
      ...designLines(report).map((text, i) => [`Design ${i + 1}`, text]),
      ...Object.values(definitions).map((text, i) => [`Definition ${i + 1}`, text]),
      ...rule(RECOMMENDATION_RULE_SV).map((text, i) => [`Beslutsregel ${i + 1}`, text]),
      ['Redo att gå i drift', READINESS_RULE_SV(report.training.line)],
      ['Uppräkning', report.data.extrapolation.explanation],
      ...report.professions.map((p) => [`Rekommendation: ${p.name}`, `${p.recommendation.recommendation}. ${p.recommendation.reasons.join(' ')}`]),
      ...(report.events.leftOut ? [['Händelser', `${report.events.leftOut} anteckningar i grupper (yrkesgrupp, enhet, läge) med färre än fem anteckningar eller färre än fem kliniker är utelämnade.`]] : []),
      ['Små grupper', 'Rader med färre än fem kliniker eller färre än fem anteckningar är utelämnade ur alla tabeller, också deras antal.'],
    ],
  };
}

/**
 * The workbook as it is written: a region's event sheet is a million rows,
 * so the bytes go to the caller (the reports store) piece by piece instead of
 * being gathered into one buffer. A failure while writing ends the stream
 * with that error.
 */
export function writeXlsx(report: ReportData): AsyncIterable<Uint8Array> {
  const out = new PassThrough();
  writeWorkbook(report, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error('xlsx')));
  return out;
}

/** The whole workbook in memory (the CLI and tests). */
export async function buildXlsx(report: ReportData): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of writeXlsx(report)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function writeWorkbook(report: ReportData, out: PassThrough): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Journalverkstan';
  wb.created = new Date(report.data.generatedAt);
  const used = new Set<string>();
  const sheet = async (table: Table | StreamedTable | null, name = table?.title ?? '') => {
    if (table) await addTableSheet(wb, sheetName(name, used), table);
  };

  // "Läs mig" first in the tab row: the period, definitions and the decision rule one criterion per row.
  await addTableSheet(wb, sheetName('Läs mig', used), readMe(report), (ws) => {
    ws.getColumn(2).width = 100;
    ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  });
  await sheet(summaryTable(report), 'Sammanfattning');
  await sheet(precisionTableOf(report.data.time.precision), 'Kliniker som behövs');
  await sheet(followupWorkbookTable(report), 'Uppföljningsmall');
  for (let i = 0; i < 4; i++) await sheet(acrossProfessions(report, (t) => t.time[i]!));
  await sheet(acrossProfessions(report, (t) => t.quality[0]!));
  await sheet(acrossProfessions(report, (t) => t.quality[1]!), 'Kvalitet per månad');
  await sheet(acrossProfessions(report, (t) => t.safety), 'Nyckelfakta');
  await sheet(acrossProfessions(report, (t) => t.codesign[0]!), 'Bedömningsrundor');
  await sheet(acrossProfessions(report, (t) => t.codesign[1]!), 'Etikettflyttar');
  await sheet(acrossProfessions(report, (t) => t.survey), 'Enkät');
  await sheet(assumptionsTable(report), 'Antaganden');
  const [trained, trainedByUnit] = trainingTables(report);
  await sheet(trained ?? null, 'Utbildning');
  await sheet(trainedByUnit ?? null, 'Utbildning per vårdenhet');
  await sheet(eventsTable(report), 'Händelser');
  await wb.commit();
}
