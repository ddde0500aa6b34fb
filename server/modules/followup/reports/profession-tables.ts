import { svCount } from '../../../contracts/sv-number';
import { versionPoints } from '../quality-points';
import { REPORT_BUDGET } from '../stats';
import type { ReportData } from './data';
import { QUALITY_HEADERS, keyFactsTable, movesTable, qualityCells, roundsTable, surveyTable, timeTable, type Table } from './tables';

/** The tables of one profession's sheet and Markdown section. */
export interface ProfessionTables {
  time: Table[];
  quality: Table[];
  safety: Table;
  codesign: Table[];
  survey: Table;
}

export function professionTables(report: ReportData, professionId: string): ProfessionTables {
  const { data } = report;
  const mine = <T extends { professionId: string | null }>(rows: T[]) => rows.filter((r) => r.professionId === professionId);
  const extra = data.time.extra;

  const versionLabel = (id: string) => (id ? (data.labels.versions.get(id)?.label ?? 'Okänd version') : 'Ingen version');
  // points too small to show are left out (the report's rule), with a line saying how many
  const shown = <T extends { suppressed: string | null }>(rows: T[], what: [one: string, many: string]) => ({ rows: rows.filter((r) => !r.suppressed), left: rows.filter((r) => r.suppressed).length, what });
  const versions = shown(versionPoints(mine(data.quality.cells), REPORT_BUDGET).map((v) => ({ ...v.point, versionLabel: versionLabel(v.workflowVersionId ?? '') })), ['version', 'versioner']);
  const trend = shown(mine(data.quality.trend), ['punkt', 'punkter']);
  const note = (x: { left: number; what: [string, string] }) => (x.left ? { note: `${svCount(x.left, ...x.what)} med färre än fem kliniker eller anteckningar visas inte.` } : {});

  return {
    time: [
      timeTable('Tid per arbetssätt och version', 'Version', mine(data.time.groups)),
      timeTable('Tid per anteckningstyp', 'Anteckningstyp', mine(extra.noteType ?? [])),
      timeTable('Tid per vårdenhet', 'Vårdenhet', mine(extra.careUnit ?? [])),
      timeTable('Tid per månad', 'Månad', mine(extra.month ?? [])),
    ],
    quality: [
      { title: 'Kvalitet per version', headers: ['Version', ...QUALITY_HEADERS], rows: versions.rows.map((v) => [v.versionLabel, ...qualityCells(v)]), ...note(versions) },
      { title: 'Kvalitet per månad och version', headers: ['Månad', 'Version', ...QUALITY_HEADERS], rows: trend.rows.map((t) => [t.month, t.versionLabel, ...qualityCells(t)]), ...note(trend) },
    ],
    safety: keyFactsTable(mine(data.quality.keyFacts)),
    codesign: [roundsTable(mine(data.quality.ratingRounds)), movesTable(mine(data.quality.labelMoves))],
    survey: surveyTable(mine(data.surveys.groups)),
  };
}
