import type { RouteDef } from '../../http/route';
import { gatewayAudioRoutes } from './audio';
import { gatewayChatRoutes } from './chat';

/**
 * The whole OpenAI-compatible `/v1` surface, one table, as `server/routes.ts`
 * is for `/api/v1`: API-key access only, mounted by `createApp`.
 */
export const gatewayRoutes: RouteDef[] = [...gatewayAudioRoutes, ...gatewayChatRoutes];
