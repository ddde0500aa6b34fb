import type { QualityCell } from '../quality';
import { clinicianPoint } from '../quality-points';
import { REPORT_BUDGET } from '../stats';
import type { ReportData } from './data';
import { r2, type Table } from './tables';

/**
 * The sheet laid out as the region's shared follow-up workbook wants it: one
 * row per profession and period (month), with the agreed measures side by
 * side, so a row can be pasted under last month's. A suppressed figure is
 * an empty cell with the reason in "Kommentar".
 */
export function followupWorkbookTable(report: ReportData): Table {
  const { data } = report;
  const quality = new Map<string, QualityCell[]>();
  for (const c of data.quality.cells) {
    const key = `${c.professionId}|${c.month}`;
    quality.set(key, [...(quality.get(key) ?? []), c]);
  }
  const name = (id: string | null) => report.professions.find((p) => p.id === id)?.name ?? 'Okänd yrkesgrupp';
  const rows = (data.time.extra.month ?? [])
    .filter((g) => g.professionId !== null)
    .sort((a, b) => name(a.professionId).localeCompare(name(b.professionId), 'sv') || a.key.localeCompare(b.key))
    .map((g) => {
      const q = clinicianPoint(quality.get(`${g.professionId}|${g.key}`) ?? [], REPORT_BUDGET.maxIterations, REPORT_BUDGET.seed);
      const s = g.saved.active;
      const comment = [g.ai.active.suppressed && `AI: ${g.ai.active.suppressed}`, !g.baseline.source && 'ingen baslinje', s.suppressed, q.suppressed && `kvalitet: ${q.suppressed}`]
        .filter(Boolean)
        .join('; ');
      return [
        g.key,
        name(g.professionId),
        // No count where the figure is suppressed (under five notes or five clinicians), as the report's rule says.
        g.ai.active.suppressed ? null : g.ai.active.n,
        g.baseline.active.suppressed ? null : g.baseline.active.n,
        r2(g.ai.active.median),
        r2(g.baseline.active.median),
        r2(s.mean),
        r2(s.meanCi?.lower),
        r2(s.meanCi?.upper),
        r2(q.ratingMean),
        r2(q.flagsPer100Sentences),
        q.editRatio === null ? null : r2(q.editRatio * 100),
        comment || null,
      ];
    });
  return {
    title: 'Uppföljningsmall: en rad per yrkesgrupp och månad',
    headers: [
      'Månad',
      'Yrkesgrupp',
      'Anteckningar med AI (n)',
      'Anteckningar utan AI (n)',
      'Aktiv tid med AI, median (min)',
      'Aktiv tid utan AI, median (min)',
      'Tid sparad per anteckning, medel (min)',
      'Tid sparad, KI nedre (min)',
      'Tid sparad, KI övre (min)',
      'Betyg vid signering, medel (1–5)',
      'Flaggor per 100 meningar',
      'Redigerade tecken (%)',
      'Kommentar',
    ],
    rows,
  };
}
