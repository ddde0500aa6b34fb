import { PilotEnvelopeSchema, PilotRemovedSchema } from '../../../../server/contracts/api/demo';
import { request } from '../../api/client';

export type { Pilot } from '../../../../server/contracts/api/demo';
export const getDemoPilot = () => request('GET', '/demo-pilot', PilotEnvelopeSchema);
export const removeDemoPilot = () => request('DELETE', '/demo-pilot', PilotRemovedSchema);
