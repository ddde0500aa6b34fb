import type { AppDeps } from '../../deps';

/**
 * Display names for the ids the follow-up groups by. Professions, care units
 * and workflow versions are organisation data, never patient data.
 */
export interface VersionLabel {
  id: string;
  label: string;
  version: number;
  workflowId: string;
  workflowName: string;
  noteType: string;
  professionId: string;
}

export interface Labels {
  professions: Map<string, { id: string; code: string; name: string }>;
  units: Map<string, { id: string; code: string; name: string }>;
  versions: Map<string, VersionLabel>;
  /** comparison schedules by id: how their notes are analysed (time-design.ts) */
  schedules: Map<string, { level: string; pattern: string }>;
}

export async function loadLabels(deps: AppDeps): Promise<Labels> {
  const db = deps.db.prisma;
  const [professions, units, versions, schedules] = await Promise.all([
    db.profession.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: 'asc' } }),
    db.careUnit.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: 'asc' } }),
    db.workflowVersion.findMany({
      select: { id: true, version: true, workflow: { select: { id: true, name: true, noteType: true, professionId: true } } },
      orderBy: [{ workflowId: 'asc' }, { version: 'asc' }],
    }),
    db.comparisonSchedule.findMany({ select: { id: true, level: true, pattern: true } }),
  ]);
  return {
    professions: new Map(professions.map((p) => [p.id, p])),
    units: new Map(units.map((u) => [u.id, u])),
    schedules: new Map(schedules.map((s) => [s.id, { level: s.level, pattern: s.pattern }])),
    versions: new Map(
      versions.map((v) => [
        v.id,
        {
          id: v.id,
          label: `${v.workflow.name} v${v.version}`,
          version: v.version,
          workflowId: v.workflow.id,
          workflowName: v.workflow.name,
          noteType: v.workflow.noteType,
          professionId: v.workflow.professionId,
        },
      ]),
    ),
  };
}

export const professionName = (labels: Labels, id: string | null) => (id ? (labels.professions.get(id)?.name ?? 'Okänd yrkesgrupp') : 'Ingen yrkesgrupp');
export const unitName = (labels: Labels, id: string | null) => (id ? (labels.units.get(id)?.name ?? 'Okänd enhet') : 'Ingen enhet');
export const versionName = (labels: Labels, id: string | null) => (id ? (labels.versions.get(id)?.label ?? 'Okänd version') : 'Ingen version');
