/**
 * The app's HTTP side: Express around the Remix build, with security headers,
 * compression, request logs without personal data, a same-origin check on
 * state-changing requests, and a graceful stop on SIGTERM. Database and
 * search are opened BEFORE listening, so the first request never waits for
 * PGlite. The services and the middleware that needs them come from the
 * Remix build (app/entry.server.tsx), as server/index.ts hands them over.
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
import type * as AppEntry from '../app/entry.server';

/** What the server takes from the Remix build's entry module beside the request handler (one copy of every module). */
export type ServerParts = Pick<typeof AppEntry, (typeof PART_NAMES)[number]>;
type AppEnv = ReturnType<ServerParts['getEnv']>;
type AppServices = Awaited<ReturnType<ServerParts['startServices']>>;

const PART_NAMES = [
  'getEnv',
  'EnvError',
  'createLogger',
  'serializeError',
  'startServices',
  'stopServices',
  'apiRateLimits',
  'admissionQueue',
  'refuseUnknownMethods',
  'refuseControlCharactersInQuery',
  'limitRequestBodies',
  'answeredTooLarge',
  'noStore',
  'sameOriginCheck',
] as const;

/** True when the build's entry module exports every part the server starts (a build older than server/ does not). */
export function hasServerParts(entry: object): entry is ServerParts {
  return PART_NAMES.every((name) => typeof Reflect.get(entry, name) === 'function');
}

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

function createApp(services: AppServices, build: ServerBuild, parts: ServerParts) {
  const { admissionQueue, apiRateLimits, limitRequestBodies, answeredTooLarge, sameOriginCheck } = parts;
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
        err: parts.serializeError,
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
  app.use(parts.refuseUnknownMethods, parts.refuseControlCharactersInQuery, limitRequestBodies(env.bodyLimits));

  app.use(compression());

  // Fingerprinted by the Remix compiler, so they never change under the same name.
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y', index: false }));
  // Only file names (favicon.svg …) can be public files: every page and API path would otherwise cost a stat() of the disk.
  const publicFiles = express.static(path.join(root, 'public'), { maxAge: '1h', index: false });
  app.use((req, res, next) => (path.extname(req.path) === '' ? next() : publicFiles(req, res, next)));

  app.use(parts.noStore);

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

/** Why the port could not be opened, in words an operator can act on. */
export function listenProblem(error: NodeJS.ErrnoException, env: Pick<AppEnv, 'port' | 'host'>): string {
  if (error.code === 'EADDRINUSE') return `port ${env.port} is already in use (set PORT to a free port, or stop what listens on it)`;
  if (error.code === 'EACCES') return `port ${env.port} needs privileges this user does not have (set PORT to 1024 or above)`;
  if (error.code === 'EADDRNOTAVAIL') return `HOST ${env.host ?? ''} is not an address of this machine`;
  return `port ${env.port} could not be opened (${error.code ?? error.message})`;
}

/** The one line a start that failed prints, to stderr, before it exits with 1. */
export function failStart(problem: string): never {
  console.error(`Jobbro could not start: ${problem}`);
  process.exit(1);
}

/**
 * Starts the services and serves on the port (in a process of a cluster, on
 * the port the primary holds). `onServing` runs once it listens and the
 * boot logs are flushed.
 */
export async function runAppServer(env: AppEnv, build: ServerBuild, parts: ServerParts, onServing: () => void): Promise<void> {
  const logger = parts.createLogger(env);
  const services = await parts.startServices(env, { logger });
  const app = createApp(services, build, parts);
  const server = http.createServer(app);
  server.once('error', (error: NodeJS.ErrnoException) => {
    // Taken between the primary's check and now: the same one line, after the services are closed again.
    parts.stopServices(services).finally(() => failStart(listenProblem(error, env)));
  });
  // Flush the boot logs first so the URL and the demo logins are the last lines a person sees.
  server.listen(env.port, env.host ?? '0.0.0.0', () => logger.flush(onServing));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      force.unref();
      server.close(() => resolve());
    })
      .then(() => parts.stopServices(services))
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
  // A process of a cluster also stops when the primary goes.
  if (cluster.isWorker) process.on('disconnect', () => stop('disconnect'));
}
