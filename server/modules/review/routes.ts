import type { RouteDef } from '../../http/route';
import { timingRoutes } from '../timing/routes';
import { transcriptRoutes } from '../transcripts/routes';
import { draftRoutes } from './draft-routes';
import { noteRoutes } from './note-routes';

/** The clinician's documentation flow: transcript → draft → review → sign → copy/export, and its timing. */
export const documentationRoutes: RouteDef[] = [...transcriptRoutes, ...draftRoutes, ...noteRoutes, ...timingRoutes];
