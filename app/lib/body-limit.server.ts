/**
 * Request bodies are counted while they stream, on every route, so no client
 * can make an app process hold more than a route's limit in memory: a
 * 300 MB chunked POST to /login once filled the heap and killed the process,
 * because the route read the whole body before any size check. Bodies are
 * never buffered here: the route reads the stream as before, and the bytes
 * are counted as they flow to it.
 *
 * - A declared Content-Length above the limit is answered 413 at once, and
 *   nothing of the body is read.
 * - A chunked body (no Content-Length) is answered 413 as soon as the count
 *   passes the limit; the request stream is then destroyed, so the route's
 *   read fails instead of going on with a partial body, and the connection
 *   is closed, so nothing more is read.
 * - A body the route does not read (a redirect to log in, a 405) stays
 *   unread: the socket's back-pressure stops the client, the route answers,
 *   and the connection closes with that answer instead of reading the rest
 *   to make room for a next request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import onHeaders from 'on-headers';

export type BodyLimits = {
  /** Form posts (pages, and their `.data` single-fetch posts), in bytes. */
  form: number;
  /** JSON bodies of /api/, in bytes. */
  api: number;
};

/** The limit for a request: the API's for /api/, the forms' for everything else. */
export function bodyLimitFor(path: string, limits: BodyLimits): number {
  return path === '/api' || path.startsWith('/api/') ? limits.api : limits.form;
}

/** Raised into a route's body stream when the body passed its limit (the 413 has been sent). */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

const refused = new WeakSet<ServerResponse>();

/**
 * Whether this response is the 413 of a refused body. The route may still
 * fail afterwards (its read of the body was cut off): that is not an error
 * of ours and there is no answer left to give.
 */
export function answeredTooLarge(res: ServerResponse): boolean {
  return refused.has(res);
}

function refuse(req: IncomingMessage, res: ServerResponse, limit: number, api: boolean): void {
  if (refused.has(res)) return;
  refused.add(res);
  req.pause();
  if (!res.headersSent) {
    const kilobytes = Math.floor(limit / 1024);
    const body = api
      ? JSON.stringify({
          error: { code: 'payload_too_large', message: `The request body is larger than ${kilobytes} KB`, details: { limitBytes: limit } },
        })
      : `The request body is larger than ${kilobytes} KB.\n`;
    res.writeHead(413, {
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      // The rest of the body is never read, so this connection cannot carry another request.
      Connection: 'close',
    });
    res.end(body);
  }
  // Once the answer is out, end the stream the route may be reading: its read fails rather than waiting (or going on
  // with part of a form), and the connection closes.
  const release = () => req.destroy(new BodyTooLarge(limit));
  if (res.writableFinished) release();
  else res.once('finish', release).once('close', release);
}

/** Express middleware: counts every request body against `limitFor(req)` as it streams (see above). */
export function limitRequestBodies(limits: BodyLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const limit = bodyLimitFor(req.path, limits);
    const api = limit === limits.api && req.path.startsWith('/api');
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return refuse(req, res, limit, api);
    if (declared === undefined && req.headers['transfer-encoding'] === undefined) return next();
    let received = 0;
    const count = (chunk: Buffer | string) => {
      received += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (received <= limit) return;
      req.off('data', count);
      refuse(req, res, limit, api);
    };
    // Paused first, so that listening does not start the flow: the route (Remix reads the body as a stream) resumes it
    // when it reads, and every chunk passes this counter on its way.
    req.pause();
    req.on('data', count);
    // Node would otherwise read (and drop) the whole rest of an unread body to keep the connection for another request.
    onHeaders(res, () => {
      if (!req.complete && !refused.has(res)) res.setHeader('Connection', 'close');
    });
    next();
  };
}
