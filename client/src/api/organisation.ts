import { request } from './client';
import { NoContentSchema } from '../../../server/contracts/api/common';
import { CareUnitEnvelopeSchema, CareUnitListSchema, GroupCreatedSchema, GroupListSchema, ProfessionEnvelopeSchema, ProfessionListSchema } from '../../../server/contracts/api/organisation';

const id = (value: string) => encodeURIComponent(value);

export const listProfessions = () => request('GET', '/professions', ProfessionListSchema);
export const createProfession = (code: string, name: string) =>
  request('POST', '/admin/professions', ProfessionEnvelopeSchema, { body: { code, name } });
export const renameProfession = (professionId: string, name: string) =>
  request('PATCH', `/admin/professions/${id(professionId)}`, ProfessionEnvelopeSchema, { body: { name } });

export const listCareUnits = () => request('GET', '/care-units', CareUnitListSchema);
export const createCareUnit = (code: string, name: string) =>
  request('POST', '/admin/care-units', CareUnitEnvelopeSchema, { body: { code, name } });

export const listGroups = () => request('GET', '/groups', GroupListSchema);
export const createGroup = (name: string, professionId: string) =>
  request('POST', '/admin/groups', GroupCreatedSchema, { body: { name, professionId } });
export const updateGroup = (groupId: string, patch: { name?: string; memberIds?: string[] }) =>
  request('PATCH', `/admin/groups/${id(groupId)}`, NoContentSchema, { body: patch });
