/**
 * Pages, their single-fetch (`.data`) answers, API answers and downloads
 * carry personal data for whoever is signed in: no browser cache, back button
 * or shared proxy may keep them. Every answer made by the app (not the
 * static files, which are served before this) is `Cache-Control: no-store`,
 * set as the headers go out so it covers every route at once, including the
 * ones that say nothing. A route may still declare its answer `public`
 * (the same for everyone: the OpenAPI document, taxonomy look-ups); that
 * stands. Anonymous pages are no exception: they carry a per-answer CSP nonce,
 * and invitation pages show a name to whoever holds the link.
 */
import type { ServerResponse } from 'node:http';
import onHeaders from 'on-headers';
import type { NextFunction, Request, Response } from 'express';

/** The Cache-Control an answer leaves with: the route's own when it declared the answer public, else no-store. */
export function cacheControlFor(declared: string | number | string[] | undefined): string {
  const value = Array.isArray(declared) ? declared.join(', ') : declared === undefined ? '' : String(declared);
  return /^\s*public\b/i.test(value) ? value : 'no-store';
}

/** Express middleware: see above. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  onHeaders(res, function setCacheControl(this: ServerResponse) {
    this.setHeader('Cache-Control', cacheControlFor(this.getHeader('Cache-Control')));
  });
  next();
}
