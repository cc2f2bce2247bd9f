/**
 * The real Remix request pipeline in a test: the production build
 * (`build/index.js`, made by `npx remix build`) behind `createRequestHandler`,
 * with a load context shaped like the one server/app.ts builds, over
 * services on a test database and the embedded search engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import type { Logger } from 'pino';
import { createAuth } from '../../app/auth/lucia.server.js';
import { createLoginThrottle } from '../../app/auth/login-throttle.server.js';
import { parseEnv } from '../../app/env.server.js';
import { createLogger } from '../../app/lib/logger.server.js';
import type { AppServices } from '../../app/services.server.js';
import type { Database } from '../../db/client.server.js';
import { createDocumentSources } from '../../app/matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import { reindex } from '../../search/reindex.server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_FILE = path.join(root, 'build/index.js');

/** The server build, or a clear instruction when it has not been made. */
export async function loadServerBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD_FILE)) {
    throw new Error(`The Remix build is missing (${BUILD_FILE}): run npx remix build first (npm test does it before Vitest).`);
  }
  const build: ServerBuild = await import(/* @vite-ignore */ pathToFileURL(BUILD_FILE).href);
  return build;
}

/** A route of the build with its full URL pattern (parents' paths joined). */
export type BuiltRoute = { id: string; pattern: string; index: boolean; hasLoader: boolean; hasAction: boolean; hasComponent: boolean };

export function routesOf(build: ServerBuild): BuiltRoute[] {
  const patternOf = (id: string): string => {
    const route = build.routes[id];
    if (!route) return '';
    const parent = route.parentId ? patternOf(route.parentId) : '';
    const own = route.path ?? '';
    return own ? `${parent.replace(/\/$/, '')}/${own}` : parent || '/';
  };
  return Object.values(build.routes)
    .filter((route) => route !== undefined)
    .map((route) => ({
      id: route.id,
      pattern: patternOf(route.id) || '/',
      index: route.index === true,
      hasLoader: typeof route.module.loader === 'function',
      hasAction: typeof route.module.action === 'function',
      hasComponent: typeof route.module.default === 'function',
    }));
}

/**
 * What the app logged, through the app's own logger (its serializers and
 * redaction), at every level: `errors` (warn and above, a 500's cause; cleared
 * per request so a failing test can show them) and `all` (every line since
 * the start, for the scans for personal data).
 */
export type LogCapture = { errors: string[]; all: string[]; clear(): void };

function capturingLogger(): { logger: Logger; capture: LogCapture } {
  const capture: LogCapture = {
    errors: [],
    all: [],
    clear() {
      this.errors.length = 0;
    },
  };
  const logger = createLogger(
    { logLevel: 'debug', nodeEnv: 'production' },
    {
      write(line: string) {
        capture.all.push(line);
        if (/"level":(40|50|60)/.test(line)) capture.errors.push(line.length > 2_000 ? `${line.slice(0, 2_000)}…` : line);
      },
    },
  );
  return { logger, capture };
}

/**
 * AppServices over an existing test database: the embedded engine indexed
 * from it, Lucia, the login throttle, and no outbox worker (a worker would
 * change rows between the fingerprints the security suites take).
 */
export async function createTestServices(
  database: Database,
  options: { clock?: () => Date } = {},
): Promise<{ services: AppServices; log: LogCapture }> {
  const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn', JOBBRO_DEMO: '0' });
  const { logger, capture } = capturingLogger();
  const search = createEmbeddedEngine();
  await reindex({ db: database.db, search, sources: createDocumentSources() });
  const services: AppServices = {
    env,
    database,
    db: database.db,
    search,
    auth: createAuth(database.db, { secureCookies: false }),
    logger,
    clock: options.clock ?? (() => new Date()),
    outbox: { stop: async () => undefined, drain: async () => undefined },
    loginThrottle: createLoginThrottle({ db: database.db }),
  };
  return { services, log: capture };
}

/** Sends Requests through Remix like server/app.ts does (without Express's CSRF check, which is not under test here). */
export function createAppClient(build: ServerBuild, services: AppServices) {
  const handle = createRequestHandler(build, 'production');
  return async (request: Request, clientAddress = '127.0.0.1'): Promise<Response> => {
    const cookies: string[] = [];
    const response = await handle(request, {
      services,
      cspNonce: 'test-nonce',
      clientAddress,
      appendSetCookie: (cookie: string) => {
        cookies.push(cookie);
      },
    });
    return response;
  };
}
