/**
 * The child process of the SIGKILL test (sigkill.test.ts): the app's real
 * services (`startServices`: migrations, first-start seed, reindex, outbox
 * worker) behind a bare node:http front that hands /api/v1/slots requests to
 * the same handlers the Remix routes call. It needs no Remix build, so the
 * test runs before `remix build` in `npm test`.
 *
 * Settings come from the environment as for the real server (DATABASE_URL or
 * JOBBRO_DATA_DIR, …). It listens on a free port and prints
 * `listening <port>` on stdout once requests are accepted.
 */
import http from 'node:http';
import { createSlotResponse, slotTransitionResponse, updateSlotResponse } from '../../app/api/slots.server.js';
import { getEnv } from '../../app/env.server.js';
import { startServices, type AppServices } from '../../app/services.server.js';

const SLOT_PATH = /^\/api\/v1\/slots\/([^/]+)(\/publish)?$/;

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(`http://127.0.0.1${req.url ?? '/'}`, { method, headers, body });
}

function route(services: AppServices, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === '/api/v1/slots' && request.method === 'POST') return createSlotResponse(services, request);
  const match = SLOT_PATH.exec(pathname);
  if (match && request.method === 'PUT' && !match[2]) return updateSlotResponse(services, request, { slotId: match[1] });
  if (match && request.method === 'POST' && match[2]) return slotTransitionResponse(services, request, { slotId: match[1] }, 'publish');
  return Promise.resolve(Response.json({ error: { code: 'not_found', message: 'No such route', details: {} } }, { status: 404 }));
}

async function main(): Promise<void> {
  const services = await startServices(getEnv());
  const server = http.createServer((req, res) => {
    toRequest(req)
      .then((request) => route(services, request))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        services.logger.error({ err: error }, 'request failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`api-server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
