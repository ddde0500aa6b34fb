import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps';
import { sameOriginOnly } from './http/guards';
import { accessLog, apiNotFound, errorHandler, requestId } from './http/middleware';
import { jsonBody, mountRoutes } from './http/router';
import { sessionMiddleware } from './modules/auth/sessions';
import { gatewayRoutes } from './modules/gateway/routes';
import { apiRoutes } from './routes';

export const CLIENT_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');

/** The Express app without listen(), so tests can boot it on any port. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: false, // set by the TLS-terminating proxy, which knows whether HTTPS is in use
    }),
  );
  app.use(accessLog(deps));

  const api = express.Router();
  api.use(sameOriginOnly(deps.env.PUBLIC_URL));
  api.use(jsonBody(deps.env.BODY_LIMIT_KB));
  api.use(sessionMiddleware(deps));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  mountRoutes(api, apiRoutes, deps);
  api.use(apiNotFound);
  app.use('/api/v1', api);

  // The OpenAI-compatible gateway: its own table, API keys instead of sessions.
  const gateway = express.Router();
  gateway.use(jsonBody(deps.env.BODY_LIMIT_KB));
  mountRoutes(gateway, gatewayRoutes, deps);
  gateway.use(apiNotFound);
  app.use('/v1', gateway);

  if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET that is not an API call gets the app shell.
    app.get(/^\/(?!api\/|v1\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(CLIENT_DIST, 'index.html'));
    });
  }
  app.use(errorHandler(deps));
  return app;
}
