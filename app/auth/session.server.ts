/**
 * Who is asking: reads the session cookie (or an `Authorization: Bearer`
 * session id for API clients), validates it once per request, and checks the
 * role on the server for every route that calls `requireUser`.
 */
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { Role } from '../../db/schema.js';
import type { SessionUser } from './lucia.server.js';

export type { SessionUser } from './lucia.server.js';
export { homePathFor } from './home-paths.js';

type Current = { user: SessionUser; sessionId: string } | null;

// One validation per request: the root loader, the route loader and entry.server all ask.
const perRequest = new WeakMap<AppLoadContext, Promise<Current>>();

/** The session id the request carries, if any (not yet validated). */
export function readSessionId(request: Request, context: AppLoadContext): string | null {
  const { auth } = context.services;
  const authorization = request.headers.get('Authorization');
  if (authorization) {
    const token = auth.readBearerToken(authorization);
    if (token) return token;
  }
  return auth.readSessionCookie(request.headers.get('Cookie') ?? '');
}

async function validate(request: Request, context: AppLoadContext): Promise<Current> {
  const sessionId = readSessionId(request, context);
  if (!sessionId) return null;
  const { auth } = context.services;
  const { session, user } = await auth.validateSession(sessionId);
  if (!session) {
    // A stale cookie: clear it so the browser stops sending it.
    if (!request.headers.get('Authorization')) context.appendSetCookie?.(auth.createBlankSessionCookie().serialize());
    return null;
  }
  // Sliding expiry: Lucia extended the session, so the browser's cookie must follow.
  if (session.fresh) context.appendSetCookie?.(auth.createSessionCookie(session.id).serialize());
  return {
    sessionId: session.id,
    user: {
      id: user.id,
      email: user.email,
      role: user.role,
      displayName: user.displayName,
      locale: user.locale,
      organisationId: user.organisationId,
      jobcentreId: user.jobcentreId,
    },
  };
}

function current(request: Request, context: AppLoadContext): Promise<Current> {
  let found = perRequest.get(context);
  if (!found) {
    found = validate(request, context);
    perRequest.set(context, found);
  }
  return found;
}

/** The logged-in user, or null. */
export async function getOptionalUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  return (await current(request, context))?.user ?? null;
}

/** The validated session id, or null (for logout). */
export async function getSessionId(request: Request, context: AppLoadContext): Promise<string | null> {
  return (await current(request, context))?.sessionId ?? null;
}

function isApiRequest(request: Request): boolean {
  return new URL(request.url).pathname.startsWith('/api/');
}

function errorResponse(status: 401 | 403, code: 'unauthenticated' | 'forbidden', message: string): Response {
  return Response.json({ error: { code, message, details: {} } }, { status });
}

/**
 * The logged-in user, who must hold one of `roles` (any role when omitted).
 * Pages: no session → redirect to /login?redirectTo=…; wrong role → 403.
 * /api routes: 401 or 403 JSON. Throws the Response, as Remix expects.
 */
export async function requireUser(request: Request, context: AppLoadContext, roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getOptionalUser(request, context);
  const api = isApiRequest(request);
  if (!user) {
    if (api) throw errorResponse(401, 'unauthenticated', 'Please log in');
    const url = new URL(request.url);
    const target = `${url.pathname}${url.search}`;
    throw redirect(target === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(target)}`);
  }
  if (roles && !roles.includes(user.role)) {
    if (api) throw errorResponse(403, 'forbidden', 'You may not do this');
    throw new Response('Forbidden', { status: 403 });
  }
  return user;
}
