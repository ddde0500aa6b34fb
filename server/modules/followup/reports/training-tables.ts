import type { ReadinessRow } from '../../../contracts/api/training';
import type { ReportData } from './data';
import { r2, type Table } from './tables';

/**
 * Readiness for the plan: per profession and per profession × care unit,
 * clinicians, how many completed review training, the share, the detection
 * rate of critical planted errors (blank under five people) and whether the
 * lead's readiness line is met.
 */
const HEADERS = ['Kliniker', 'Genomfört träningen', 'Andel genomfört (%)', 'Personer i upptäcktsmåttet', 'Upptäckt kritiska fel (%)', 'Redo enligt gränsen'];
const pct = (x: number | null) => (x === null ? null : r2(x * 100));
const cells = (r: ReadinessRow) => [r.clinicians, r.trained, pct(r.trainedShare), r.people, pct(r.criticalDetection), r.ready ? 'ja' : 'nej'];

export function trainingTables(report: ReportData): Table[] {
  const { training } = report;
  return [
    { title: 'Granskningsträning per yrkesgrupp', headers: ['Yrkesgrupp', ...HEADERS], rows: training.byProfession.map((r) => [r.profession, ...cells(r)]) },
    { title: 'Granskningsträning per yrkesgrupp och vårdenhet', headers: ['Yrkesgrupp', 'Vårdenhet', ...HEADERS], rows: training.byUnit.map((r) => [r.profession, r.careUnit ?? '', ...cells(r)]) },
  ];
}
