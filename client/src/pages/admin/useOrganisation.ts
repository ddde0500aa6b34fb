import { listCareUnits, listGroups, listProfessions } from '../../api/organisation';
import { useResource } from '../../hooks/useResource';

/** Professions, care units and groups: the choices in the user and group forms. */
export function useOrganisation() {
  return useResource(async () => {
    const [professions, careUnits, groups] = await Promise.all([listProfessions(), listCareUnits(), listGroups()]);
    return { professions: professions.professions, careUnits: careUnits.careUnits, groups: groups.groups };
  }, []);
}

export type Organisation = NonNullable<ReturnType<typeof useOrganisation>['data']>;
