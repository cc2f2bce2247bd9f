/**
 * The production server: Express around the Remix build, with security
 * headers, compression, request logs without personal data, a same-origin
 * check on state-changing requests, and a graceful stop on SIGTERM.
 * Database and search are opened BEFORE listening, so the first request
 * never waits for PGlite.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { EnvError, getEnv, type AppEnv } from '../app/env.server.js';
import { apiRateLimits } from '../app/api/rate-limit.server.js';
import { installRouteMatchingCache } from '../app/lib/route-matching.server.js';
import { createLogger, startServices, stopServices, type AppServices } from '../app/services.server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
const SHUTDOWN_GRACE_MS = 10_000;
const DEMO_PASSWORD = 'demo-jobbro-2026';
const DEMO_ROLES = ['employer', 'consultant', 'candidate', 'admin'] as const;

function nonceOf(res: ServerResponse): string {
  const value: unknown = 'locals' in res && typeof res.locals === 'object' && res.locals !== null ? Reflect.get(res.locals, 'cspNonce') : undefined;
  return typeof value === 'string' ? value : '';
}

/** Refuses cross-site POST/PUT/PATCH/DELETE (CSRF). API clients that send a bearer token are not browsers and are exempt. */
function sameOriginCheck(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (/^Bearer\s+\S/i.test(req.get('authorization') ?? '')) return next();
  const host = req.get('host');
  const source = req.get('origin') ?? req.get('referer');
  let sourceHost: string | null = null;
  if (source && source !== 'null') {
    try {
      sourceHost = new URL(source).host;
    } catch {
      sourceHost = null;
    }
  }
  if (host && sourceHost === host) return next();
  res.status(403).json({ error: { code: 'forbidden', message: 'Cross-site request refused: Origin does not match Host', details: {} } });
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
    return await import(buildUrl);
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

  app.use(compression());

  // Fingerprinted by the Remix compiler, so they never change under the same name.
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y', index: false }));
  // Only file names (favicon.svg …) can be public files: every page and API path would otherwise cost a stat() of the disk.
  const publicFiles = express.static(path.join(root, 'public'), { maxAge: '1h', index: false });
  app.use((req, res, next) => (path.extname(req.path) === '' ? next() : publicFiles(req, res, next)));

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
    req.log.error({ err: error }, 'unhandled error');
    if (!res.headersSent) res.status(500).type('text/plain').send('Internal Server Error');
  });

  return app;
}

function printWelcome(env: AppEnv): void {
  const lines = [`Jobbro is running at http://localhost:${env.port}`];
  if (env.demo) {
    lines.push('Demo logins:');
    for (const role of DEMO_ROLES) lines.push(`  ${role.padEnd(11)} ${role}@demo.jobbro.dk / ${DEMO_PASSWORD}`);
  }
  console.log(lines.join('\n'));
}

/**
 * `JOBBRO_PROCESSES=N` (PostgreSQL only): this process forks N app processes
 * sharing one port. The first starts alone, so migrations and a first-start
 * seed run once; the rest follow when it listens. Each holds its own sessions
 * cache-free (sessions live in PostgreSQL), its own outbox worker (entries are
 * claimed with SKIP LOCKED) and, with the embedded engine, its own index that
 * follows the others' changes (search/index-follower.server.ts). A process
 * that dies is replaced; SIGTERM stops them all gracefully.
 */
function runPrimary(env: AppEnv): void {
  const logger = createLogger(env);
  let stopping = false;
  let started = 0;
  let listening = 0;
  // One at a time: each process builds its own index, and two at once would only slow both.
  const startNext = () => {
    started += 1;
    cluster.fork().once('listening', () => {
      listening += 1;
      if (started < env.processes) startNext();
      else if (listening === env.processes) logger.flush(() => printWelcome(env));
    });
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (listening === 0) {
      // The first never came up (bad settings, database unreachable): starting more would fail the same way.
      logger.error({ code, signal }, 'the first app process could not start');
      process.exit(1);
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'an app process exited; starting another');
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, processes: env.processes }, 'stopping the app processes');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  startNext();
}

async function main(): Promise<void> {
  let env: AppEnv;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (env.processes > 1 && cluster.isPrimary) return runPrimary(env);
  const logger = createLogger(env);
  installRouteMatchingCache();
  const build = await loadBuild();
  const services = await startServices(env, { logger });
  const app = createApp(services, build);
  // Flush the boot logs first so the URL and the demo logins are the last lines a person sees.
  // With several processes the primary greets once all of them listen.
  const server = app.listen(env.port, env.host ?? '0.0.0.0', () => logger.flush(() => cluster.isPrimary && printWelcome(env)));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      stopServices(services)
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        });
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Jobbro could not start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error('  cause:', error.cause instanceof Error ? error.cause.message : error.cause);
  process.exit(1);
});
