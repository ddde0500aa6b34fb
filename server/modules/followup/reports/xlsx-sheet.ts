import type ExcelJS from 'exceljs';
import type { Cell, StreamedTable, Table } from './tables';

/**
 * One table on one sheet of a streaming workbook, laid out for people who filter, sort and print:
 * the header in row 1 (bold, wrapped, frozen with the first column),
 * autofilter over the table, widths from the content, dates as real dates,
 * numbers with a number format that carries the unit from the header (the
 * decimal separator follows the reader's locale: a comma in Swedish), and a
 * landscape A4 print setup fitted to one page wide with the header repeated.
 */
type Format = { numFmt?: string; date?: 'day' | 'month' };

/** The number format a column gets from its header's unit. */
export function formatFor(header: string): Format {
  const h = header.toLowerCase();
  if (/^(datum|körd|period|skapad)/.test(h)) return { date: 'day', numFmt: 'yyyy-mm-dd' };
  if (h === 'månad') return { date: 'month', numFmt: 'yyyy-mm' };
  if (h.includes('(min)')) return { numFmt: '0.0" min"' };
  if (h.includes('(%)')) return { numFmt: '0.0" %"' };
  if (h.includes('(kr)') || h.startsWith('kronor')) return { numFmt: '#,##0" kr"' };
  if (h.startsWith('timmar')) return { numFmt: '#,##0" h"' };
  if (h.includes('(1–5)') || h.includes('α') || h.includes('medel')) return { numFmt: '0.00' };
  if (h.includes('(n)') || h.includes('(st)')) return { numFmt: '0' };
  return {};
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
const MONTH = /^\d{4}-\d{2}$/;

/** ISO dates become Date cells (at UTC midnight, so no time zone shifts the day). */
function cellValue(value: Cell, format: Format): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string' && format.date === 'day' && DAY.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (typeof value === 'string' && format.date === 'month' && MONTH.test(value)) return new Date(`${value}-01T00:00:00Z`);
  return value;
}

const shown = (value: Cell, format: Format) =>
  value === null ? 0 : typeof value === 'number' ? (format.numFmt?.length ?? 4) + String(Math.round(value)).length : format.date ? 10 : value.length;

const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
};

/**
 * Adds the table's sheet to a streaming workbook and commits it. Columns are
 * laid out before the first row is written (a streamed sheet writes them
 * first); a streamed table's rows are written and let go of batch by batch.
 */
export async function addTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, table: Table | StreamedTable, layout?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const streamed = 'batches' in table;
  const ws = wb.addWorksheet(name, {
    // the views and the fit-to-page flag go into the sheet's opening XML, so they are given here
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, activeCell: 'B2' }],
    pageSetup: PAGE_SETUP,
  });
  const formats = table.headers.map(formatFor);
  const widthRows = streamed ? table.widthRows : table.rows;
  table.headers.forEach((h, i) => {
    const column = ws.getColumn(i + 1);
    if (formats[i]?.numFmt) column.numFmt = formats[i]!.numFmt!;
    // Long text columns wrap at 60 characters; headers wrap over up to three lines.
    // a loop, not Math.max(...rows): a long sheet has more rows than the call stack takes arguments
    let longest = 0;
    for (const r of widthRows) longest = Math.max(longest, shown(r[i] ?? null, formats[i] ?? {}));
    column.width = Math.min(60, Math.max(10, Math.ceil(h.length / 3) + 2, longest + 2));
    if (longest > 60) column.alignment = { wrapText: true, vertical: 'top' };
  });
  layout?.(ws);
  const header = ws.addRow(table.headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
    c.border = { bottom: { style: 'thin', color: { argb: 'FF8A8F98' } } };
  });
  let count = 0;
  const add = (rows: Cell[][]) => {
    for (const row of rows) ws.addRow(row.map((c, i) => cellValue(c, formats[i] ?? {})));
    count += rows.length;
  };
  if (streamed) {
    for await (const rows of table.batches()) {
      add(rows);
      ws.lastRow?.commit();
      // let the zip take what was written before the next batch is made
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else add(table.rows);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, count + 1), column: table.headers.length } };
  ws.headerFooter = { oddHeader: `&L&B${table.title.replace(/&/g, '&&')}`, oddFooter: '&LJournalverkstan&RSida &P av &N' };
  ws.commit();
}
