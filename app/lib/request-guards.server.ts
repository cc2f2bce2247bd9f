/**
 * Requests no route can serve are answered at the door, with the status that
 * says why, before Remix sees them (where each was a 500 or a confusing
 * answer):
 * - a method Jobbro does not use (TRACE, PROPFIND, …): 405 with `Allow`;
 * - a query parameter (name or value) holding a control character: 400
 *   naming the parameter (no one types one, and a tab or newline is how a
 *   value sneaks past a check that the URL parser then undoes);
 * - a state-changing request, or any single-fetch (`.data`) request, whose
 *   Origin (or Referer) is another site: 403. Remix itself throws (a 500) on
 *   a `.data` action whose Origin does not match the host, so the check uses
 *   the host Remix compares with.
 */
import type { NextFunction, Request, Response } from 'express';

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const allowed = new Set<string>(ALLOWED_METHODS);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type ErrorCode = 'method_not_allowed' | 'invalid_query' | 'forbidden';

function answer(req: Request, res: Response, status: number, code: ErrorCode, message: string, details: Record<string, unknown> = {}): void {
  if (req.path.startsWith('/api/')) {
    res.status(status).json({ error: { code, message, details } });
    return;
  }
  res.status(status).type('text/plain').send(`${message}\n`);
}

/** 405 for a method no route of Jobbro answers. */
export function refuseUnknownMethods(req: Request, res: Response, next: NextFunction): void {
  if (allowed.has(req.method)) return next();
  res.setHeader('Allow', ALLOWED_METHODS.join(', '));
  answer(req, res, 405, 'method_not_allowed', `The method ${req.method} is not allowed`);
}

// C0 controls (tab, newline, NUL, …), DEL and the C1 controls.
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** The query parameters (by name) holding a control character in their name or value. */
export function parametersWithControlCharacters(search: string): string[] {
  const names = new Set<string>();
  for (const [name, value] of new URLSearchParams(search)) {
    if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value)) names.add(name.replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD'));
  }
  return [...names];
}

/** 400 naming the parameters when a query parameter holds a control character. */
export function refuseControlCharactersInQuery(req: Request, res: Response, next: NextFunction): void {
  const question = req.originalUrl.indexOf('?');
  if (question === -1) return next();
  const names = parametersWithControlCharacters(req.originalUrl.slice(question + 1));
  if (names.length === 0) return next();
  const fields = Object.fromEntries(names.map((name) => [name || '_', ['A query parameter cannot contain control characters (tab, newline, …)']]));
  answer(
    req,
    res,
    400,
    'invalid_query',
    `Control characters are not allowed in the query parameter${names.length > 1 ? 's' : ''} ${names.join(', ')}`,
    fields,
  );
}

/** The host a browser's Origin must name: the proxy's X-Forwarded-Host when there is one (as Remix compares), else Host. */
function siteHost(req: Request): string | undefined {
  const forwarded = req.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || req.get('host');
}

function hostOf(source: string | undefined): string | null {
  if (!source || source === 'null') return null;
  try {
    return new URL(source).host;
  } catch {
    return null;
  }
}

/**
 * CSRF: refuses a POST/PUT/PATCH/DELETE whose Origin (or Referer) is not
 * this site, and a `.data` request of any method that names another origin.
 * API clients that send a bearer token are not browsers and are exempt on
 * /api/ only: a bearer header on a page's action does not make it an API call.
 */
export function sameOriginCheck(req: Request, res: Response, next: NextFunction): void {
  const singleFetch = req.path.endsWith('.data');
  if (SAFE_METHODS.has(req.method) && !singleFetch) return next();
  if (req.path.startsWith('/api/') && /^Bearer\s+\S/i.test(req.get('authorization') ?? '')) return next();
  const origin = req.get('origin');
  const host = siteHost(req);
  // A same-origin GET carries no Origin; a cross-site fetch always does.
  if (SAFE_METHODS.has(req.method) && origin === undefined) return next();
  const sourceHost = hostOf(origin ?? req.get('referer'));
  if (host && sourceHost === host) return next();
  answer(req, res, 403, 'forbidden', 'Cross-site request refused: Origin does not match Host');
}
