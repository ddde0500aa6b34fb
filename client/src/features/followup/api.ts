import { API_BASE, request } from '../../api/client';
import { problemFrom, unreadableProblem } from '../../api/problem';
import { AssumptionsEnvelopeSchema, BaselineImportedSchema, DashboardSchema, DrillSchema, type Assumption } from '../../../../server/contracts/api/followup';
import { ReportEnvelopeSchema, ReportListSchema } from '../../../../server/contracts/api/reports';

export interface FilterState {
  profession: string;
  unit: string;
  version: string;
  from: string;
  to: string;
  groupBy: 'profession' | 'noteType' | 'workflowVersion' | 'careUnit' | 'month';
}

export function filterQuery(f: FilterState): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
}

export const getDashboard = (f: FilterState) => request('GET', `/followup/dashboard?${filterQuery(f)}`, DashboardSchema);

export const getNotes = (f: FilterState, group: { professionId: string | null; key: string }, mode: 'ai' | 'baseline') =>
  request('GET', `/followup/notes?${filterQuery(f)}&${new URLSearchParams({ groupProfession: group.professionId ?? '', key: group.key, mode, limit: '200' })}`, DrillSchema);

export const saveAssumptions = (professions: Record<string, Assumption>) =>
  request('PUT', '/followup/assumptions', AssumptionsEnvelopeSchema, { body: { professions } });

export const requestReport = async (from: string, to: string, format: 'xlsx' | 'md') =>
  (await request('POST', '/reports', ReportEnvelopeSchema, { body: { from, to, format } })).report;

export const listReports = async () => (await request('GET', '/reports', ReportListSchema)).reports;

/** The CSV goes as text/csv, which the JSON-only api client cannot send; problems are read the same way. */
export async function importBaselineCsv(csv: string, source: string): Promise<{ imported: number }> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/followup/baseline?${new URLSearchParams(source ? { source } : {})}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'text/csv; charset=utf-8', Accept: 'application/json' },
      body: csv,
    });
  } catch {
    throw unreadableProblem(0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemFrom(response.status, body);
  const parsed = BaselineImportedSchema.safeParse(body);
  if (!parsed.success) throw unreadableProblem(response.status);
  return parsed.data;
}
