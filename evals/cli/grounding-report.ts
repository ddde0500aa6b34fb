/** The table form of `eval grounding --cases`. */
import type { GroundingEvalReport } from '../validation/grounding-eval';
import { formatTable } from './args';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const two = (x: number): string => x.toFixed(2);

export function printCaseReport(r: GroundingEvalReport, details: boolean): void {
  const out: string[] = [];
  out.push(`${r.cases} case(s): ${r.referenceNotes} correct reference note(s), ${r.drafts} seeded draft(s) with ${r.planted} planted error(s)`);
  out.push('');
  out.push(formatTable([
    ['correct notes', 'value'],
    ['flags per note', two(r.flagsPerReference)],
    ['critical flags per note', two(r.criticalPerReference)],
  ]));
  out.push('');
  out.push(formatTable([
    ['planted errors', 'planted', 'caught', 'recall', 'caught as critical'],
    ...Object.entries(r.recallByKind).filter(([, k]) => k.planted > 0)
      .map(([kind, k]) => [kind, String(k.planted), String(k.caught), pct(k.recall), String(k.caughtCritical)]),
    ['all', String(r.planted), String(r.caught), pct(r.recall), String(r.caughtCritical)],
  ]));
  out.push('');
  out.push(`precision on seeded drafts: ${pct(r.precision)} (${r.flagsOnDrafts} flags)`);
  if (details) {
    out.push('', 'missed:');
    for (const m of r.missed) out.push(`  ${m.caseId}  ${m.kind}  "${m.span}"${m.said ? `  (said: ${m.said})` : ''}`);
    out.push('', 'false alarms:');
    for (const f of r.falseAlarms) out.push(`  ${f.caseId}  ${f.on}  ${f.kind}/${f.severity}  "${f.span}"  ${f.message}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
