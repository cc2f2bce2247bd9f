/**
 * One app process: Express around the Remix build, with security headers,
 * compression, request logs without personal data, a same-origin check on
 * state-changing requests, and a graceful stop on SIGTERM. Database and
 * search are opened BEFORE listening, so the first request never waits for
 * PGlite. Started by scripts/serve.ts (directly, or in each process it forks).
 */
import cluster from 'node:cluster';
import { randomBytes, randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { apiRateLimits } from '../app/api/rate-limit.server.js';
import { admissionQueue } from '../app/lib/admission.server.js';
import { answeredTooLarge, limitRequestBodies } from '../app/lib/body-limit.server.js';
import { noStore } from '../app/lib/no-store.server.js';
import { refuseControlCharactersInQuery, refuseUnknownMethods, sameOriginCheck } from '../app/lib/request-guards.server.js';
import { sharesEmbeddedDatabase, type AppEnv } from '../app/env.server.js';
import type { BrokerChannel } from '../db/pglite-remote.js';
import { createLogger, serializeError } from '../app/lib/logger.server.js';
import { installRouteMatchingCache } from '../app/lib/route-matching.server.js';
import { startServices, stopServices, type AppServices } from '../app/services.server.js';
import { SERVING_MESSAGE, serveHandedConnections } from './connections-in-turn.js';
import { importWithoutSourceMap } from './support/import-without-source-map.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHUTDOWN_GRACE_MS = 10_000;
/** Requests that may wait for their turn in one process before it answers 503 (at ≈ 20 ms a page, 20 s of work). */
const MAX_WAITING_REQUESTS = 1_000;

function nonceOf(res: ServerResponse): string {
  const value: unknown = 'locals' in res && typeof res.locals === 'object' && res.locals !== null ? Reflect.get(res.locals, 'cspNonce') : undefined;
  return typeof value === 'string' ? value : '';
}

/** A request id from the proxy when it looks like one, else a new one. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,128}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Path only: query strings may carry search terms or e-mails. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

async function loadBuild(): Promise<ServerBuild> {
  const buildUrl = new URL('../build/index.js', import.meta.url).href;
  try {
    return await importWithoutSourceMap<ServerBuild>(buildUrl);
  } catch (error) {
    throw new Error('The Remix build is missing or broken: run `npm run build` first (npm start does it for you).', { cause: error });
  }
}

function createApp(services: AppServices, build: ServerBuild) {
  const { env, logger } = services;
  const app = express();
  app.disable('x-powered-by');

  app.use(
    pinoHttp({
      logger,
      genReqId: requestId,
      // Status 4xx is the client's doing, not our error.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/build/') },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    }),
  );

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${nonceOf(res)}'`],
          // React Aria adds one <style> element carrying this nonce (from <meta name="csp-nonce">).
          styleSrc: ["'self'", (_req, res) => `'nonce-${nonceOf(res)}'`],
          // React Aria positions popovers with style attributes.
          styleSrcAttr: ["'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          // On plain-HTTP localhost an upgrade would break every asset.
          upgradeInsecureRequests: env.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: env.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );

  // At the door: methods no route serves (405), control characters in the query (400), bodies past their limit (413).
  app.use(refuseUnknownMethods, refuseControlCharactersInQuery, limitRequestBodies(env.bodyLimits));

  app.use(compression());

  // Fingerprinted by the Remix compiler, so they never change under the same name.
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y', index: false }));
  // Only file names (favicon.svg …) can be public files: every page and API path would otherwise cost a stat() of the disk.
  const publicFiles = express.static(path.join(root, 'public'), { maxAge: '1h', index: false });
  app.use((req, res, next) => (path.extname(req.path) === '' ? next() : publicFiles(req, res, next)));

  app.use(noStore);

  // After the static files (cheap, never queued); /healthz answers at once so a busy process is not taken for a dead one.
  app.use(admissionQueue({ concurrent: env.concurrentRequests, maxWaiting: MAX_WAITING_REQUESTS, bypass: (req) => req.path === '/healthz' }));

  app.use(sameOriginCheck);

  // Every /api/v1 route passes here: limits per API key (or per address), shared through the database.
  app.use('/api/v1', apiRateLimits(services));

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: env.nodeEnv,
      getLoadContext: (req, res) => ({
        services,
        cspNonce: nonceOf(res),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        appendSetCookie: (cookie: string) => {
          res.append('Set-Cookie', cookie);
        },
      }),
    }),
  );

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The route's read of a body refused with 413 was cut off: nothing went wrong, and the answer is out.
    if (answeredTooLarge(res)) return;
    req.log.error({ err: error }, 'unhandled error');
    if (!res.headersSent) res.status(500).type('text/plain').send('Internal Server Error');
  });

  return app;
}

/** The IPC channel to the primary, which holds the embedded database when several app processes share it (scripts/serve.ts). */
function channelToPrimary(): BrokerChannel {
  const send = process.send?.bind(process);
  if (!send) throw new Error('An app process of several needs the IPC channel to the primary that holds the embedded database');
  return {
    send: (message, callback) => send(message, undefined, undefined, callback),
    on: (event: 'message' | 'disconnect', listener: (message?: unknown) => void) => process.on(event, listener),
  };
}

/**
 * Starts the services and serves: on its own port, or (forked by
 * scripts/serve.ts) the connections the primary hands over. `onServing`
 * runs once it serves and the boot logs are flushed.
 */
export async function runAppServer(env: AppEnv, onServing: () => void): Promise<void> {
  const logger = createLogger(env);
  installRouteMatchingCache();
  const build = await loadBuild();
  const viaPrimary = cluster.isWorker && sharesEmbeddedDatabase(env);
  const services = await startServices(env, { logger, ...(viaPrimary ? { embeddedDatabaseVia: channelToPrimary() } : {}) });
  const app = createApp(services, build);
  const server = http.createServer(app);
  let finish: (graceMs: number) => Promise<void>;
  // Flush the boot logs first so the URL and the demo logins are the last lines a person sees.
  if (cluster.isWorker) {
    finish = serveHandedConnections(server).stop;
    logger.flush(() => {
      process.send?.(SERVING_MESSAGE);
      onServing();
    });
  } else {
    server.listen(env.port, env.host ?? '0.0.0.0', () => logger.flush(onServing));
    finish = (graceMs) =>
      new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => resolve());
      });
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    finish(SHUTDOWN_GRACE_MS)
      .then(() => stopServices(services))
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
