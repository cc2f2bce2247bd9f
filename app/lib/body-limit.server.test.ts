import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadableStreamFromReadable } from '@remix-run/node';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredTooLarge, bodyLimitFor, limitRequestBodies } from './body-limit.server.js';

const limits = { form: 1_000, api: 4_000 };

describe('bodyLimitFor', () => {
  it('gives /api/ the API limit and every other path the form limit', () => {
    expect(bodyLimitFor('/api/v1/slots', limits)).toBe(4_000);
    expect(bodyLimitFor('/login', limits)).toBe(1_000);
    expect(bodyLimitFor('/login.data', limits)).toBe(1_000);
    expect(bodyLimitFor('/apis', limits)).toBe(1_000);
  });
});

type Outcome = { status: number; body: string; written: number; routeSaw: string };

/**
 * An Express app with the middleware and one route that reads the body the
 * way Remix does (a web stream over the request), behind a real socket.
 */
describe('limitRequestBodies on a real server', () => {
  let server: http.Server;
  let port: number;
  const routeResults: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(limitRequestBodies(limits));
    app.post(['/login', '/api/v1/slots'], (req, res, next) => {
      new Response(createReadableStreamFromReadable(req))
        .text()
        .then((text) => {
          routeResults.push(`read ${text.length}`);
          res.status(200).send(`read ${text.length}`);
        })
        .catch((error: unknown) => {
          routeResults.push(`failed: ${error instanceof Error ? error.name : String(error)}`);
          next(error);
        });
    });
    app.post('/no-reader', (_req, res) => {
      res.status(204).end();
    });
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      if (answeredTooLarge(res)) return;
      res.status(500).send(String(error));
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends `total` bytes in chunks of `chunk` (chunked unless `declared` is given) and reports what happened. */
  function send(path: string, total: number, options: { chunk?: number; declared?: number } = {}): Promise<Outcome> {
    const chunkSize = options.chunk ?? 256;
    return new Promise((resolve, reject) => {
      let written = 0;
      const request = http.request({
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: options.declared === undefined ? {} : { 'Content-Length': String(options.declared) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (part: Buffer) => (body += part.toString()));
        response.on('end', () =>
          setTimeout(() => resolve({ status: response.statusCode ?? 0, body, written, routeSaw: routeResults.at(-1) ?? '' }), 20),
        );
      });
      request.on('error', (error) => (written >= total ? reject(error) : undefined));
      const pump = () => {
        while (written < total && !request.destroyed) {
          const size = Math.min(chunkSize, total - written);
          written += size;
          if (!request.write(Buffer.alloc(size, 0x61))) return void request.once('drain', pump);
        }
        if (written >= total && !request.destroyed) request.end();
      };
      pump();
    });
  }

  it('passes a chunked body within the limit to the route whole', async () => {
    const outcome = await send('/login', 1_000);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toBe('read 1000');
  });

  it('answers 413 for a chunked body past the limit, and the route never sees a partial body', async () => {
    routeResults.length = 0;
    const outcome = await send('/login', 50_000_000, { chunk: 512 });
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain('larger than 0 KB');
    // The answer came long before the client got far: the socket stopped being read.
    expect(outcome.written).toBeLessThan(10_000_000);
    expect(routeResults).toEqual(['failed: BodyTooLarge']);
  });

  it('answers 413 in JSON on /api/, with the API limit', async () => {
    expect((await send('/api/v1/slots', 3_000)).status).toBe(200);
    const outcome = await send('/api/v1/slots', 5_000);
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body)).toMatchObject({ error: { code: 'payload_too_large', details: { limitBytes: 4_000 } } });
  });

  it('answers 413 at once for a declared Content-Length past the limit, reading nothing', async () => {
    routeResults.length = 0;
    // Declares 10 MB but sends only the first bytes: the answer must not wait for the rest.
    const outcome = await send('/login', 2_000, { declared: 10_000_000 });
    expect(outcome.status).toBe(413);
    expect(routeResults).toEqual([]);
  });

  it('leaves a body no route reads unread, and answers the route', async () => {
    const outcome = await send('/no-reader', 200);
    expect(outcome.status).toBe(204);
  });
});
