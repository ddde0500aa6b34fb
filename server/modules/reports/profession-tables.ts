import { addSums, emptySums, point, type Sums } from '../followup/quality';
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

  const byVersion = new Map<string, Sums>();
  for (const c of mine(data.quality.cells)) byVersion.set(c.workflowVersionId ?? '', addSums(byVersion.get(c.workflowVersionId ?? '') ?? emptySums(), c.sums));
  const versionLabel = (id: string) => (id ? (data.labels.versions.get(id)?.label ?? 'Okänd version') : 'Ingen version');
  const trend = mine(data.quality.trend);

  return {
    time: [
      timeTable('Tid per arbetssätt och version', 'Version', mine(data.time.groups)),
      timeTable('Tid per anteckningstyp', 'Anteckningstyp', mine(extra.noteType ?? [])),
      timeTable('Tid per vårdenhet', 'Vårdenhet', mine(extra.careUnit ?? [])),
      timeTable('Tid per månad', 'Månad', mine(extra.month ?? [])),
    ],
    quality: [
      { title: 'Kvalitet per version', headers: ['Version', ...QUALITY_HEADERS], rows: [...byVersion.entries()].map(([id, s]) => [versionLabel(id), ...qualityCells(point(s))]) },
      { title: 'Kvalitet per månad och version', headers: ['Månad', 'Version', ...QUALITY_HEADERS], rows: trend.map((t) => [t.month, t.versionLabel, ...qualityCells(t)]) },
    ],
    safety: keyFactsTable(mine(data.quality.keyFacts)),
    codesign: [roundsTable(mine(data.quality.ratingRounds)), movesTable(mine(data.quality.labelMoves))],
    survey: surveyTable(mine(data.surveys.groups)),
  };
}
