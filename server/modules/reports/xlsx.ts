import ExcelJS from 'exceljs';
import type { ReportData } from './data';
import { professionTables } from './profession-tables';
import { RECOMMENDATION_RULE_SV } from './recommendation';
import { READINESS_RULE_SV } from '../training/readiness';
import { trainingTables } from './training-tables';
import { assumptionsTable, eventsTable, summaryTable, type Table } from './tables';

/**
 * The follow-up workbook: Sammanfattning, one sheet per profession,
 * Antaganden, Händelser. Cells hold numbers as numbers so the region can
 * paste them into its own follow-up workbook; units are in the headers.
 */
const INVALID_SHEET_CHARS = /[\\/*?:[\]]/g;

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(INVALID_SHEET_CHARS, '-').slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate);
  return candidate;
}

function writeTable(ws: ExcelJS.Worksheet, table: Table): void {
  ws.addRow([table.title]).font = { bold: true, size: 12 };
  const header = ws.addRow(table.headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const row of table.rows) ws.addRow(row.map((c) => (c === null ? undefined : c)));
  ws.addRow([]);
}

function writeText(ws: ExcelJS.Worksheet, lines: string[]): void {
  for (const line of lines) ws.addRow([line.replace(/\*\*/g, '')]);
  ws.addRow([]);
}

export async function buildXlsx(report: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Journalverkstan';
  wb.created = new Date(report.data.generatedAt);
  const used = new Set<string>();
  const { filters, definitions } = report.data;

  const summary = wb.addWorksheet(sheetName('Sammanfattning', used));
  writeText(summary, [`Uppföljning av AI-stödd journalföring ${filters.from} – ${filters.to}`, `Skapad ${report.data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`]);
  writeTable(summary, summaryTable(report));
  writeText(summary, [...Object.values(definitions), RECOMMENDATION_RULE_SV]);
  summary.getColumn(1).width = 28;

  for (const p of report.professions) {
    const ws = wb.addWorksheet(sheetName(p.name, used));
    const t = professionTables(report, p.id);
    writeText(ws, [p.name, `Rekommendation: ${p.recommendation.recommendation}. ${p.recommendation.reasons.join(' ')}`]);
    for (const table of [...t.time, ...t.quality, t.safety, ...t.codesign, t.survey]) writeTable(ws, table);
    ws.getColumn(1).width = 28;
  }

  const assumptions = wb.addWorksheet(sheetName('Antaganden', used));
  writeTable(assumptions, assumptionsTable(report));
  writeText(assumptions, [report.data.extrapolation.explanation, `Antagandena ändrades senast ${report.data.extrapolation.assumptions.updatedAt?.slice(0, 10) ?? '(aldrig angivna)'}.`]);
  assumptions.getColumn(1).width = 28;

  const training = wb.addWorksheet(sheetName('Utbildning', used));
  writeText(training, ['Granskningsträning och AI-kunnighet (EU:s AI-förordning art. 4), läget när rapporten skapades', READINESS_RULE_SV(report.training.line)]);
  for (const table of trainingTables(report)) writeTable(training, table);
  training.getColumn(1).width = 28;

  const events = wb.addWorksheet(sheetName('Händelser', used));
  writeTable(events, eventsTable(report));
  if (report.eventsLeftOut) writeText(events, [`${report.eventsLeftOut} anteckningar i grupper (yrkesgrupp, enhet, läge) med färre än fem anteckningar är utelämnade.`]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
