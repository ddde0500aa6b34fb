import { ProfessionCodeSchema, type ProfessionCode } from '../../../../server/contracts/workflow';
import { listGroups } from '../../api/organisation';
import { getVersion, listWorkflows } from './api';

export interface CaseContext {
  groupName: string;
  profession: ProfessionCode;
  /** headings of the group's first workflow's latest version: what a reference note is written under */
  headings: string[];
}

/** What the editor needs to know about the group a case belongs to. */
export async function loadCaseContext(groupId: string): Promise<CaseContext> {
  const [groups, workflows] = await Promise.all([listGroups(), listWorkflows(groupId)]);
  const group = groups.groups.find((g) => g.id === groupId);
  // Only a preselection for a new case: the designer sees the profession in the form and can change it.
  const profession = ProfessionCodeSchema.catch('lakare').parse(group?.profession.code ?? workflows.workflows[0]?.profession.code);
  const first = workflows.workflows[0];
  const headings = first ? (await getVersion(first.id, first.latestVersion)).spec.sections.map((s) => s.heading) : [];
  return { groupName: group?.name ?? 'Arbetsgrupp', profession, headings };
}
