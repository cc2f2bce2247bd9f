/**
 * Remix v2 matches every request's URL against the route table several
 * times (the server runtime, the static router, the React render, and lazy
 * route discovery once per parent path), and @remix-run/router 1.x flattens
 * and ranks the whole table on each call. With ≈ 65 routes that was 9–11 %
 * of a page's server CPU and 6–9 % of an API call's (V8 profiles under the
 * load test). React Router 7 caches the flattened table (remix-run/react-router
 * #14967); Remix v2 cannot move to it, so the server process caches the
 * results of `matchRoutes` per route table and path instead.
 *
 * `matchRoutes` is a pure function of (routes, pathname, basename), and the
 * server's route tables never change while it runs. Callers reach it through
 * the CommonJS module object of @remix-run/router, so replacing that property
 * once at start reaches all of them (the router's own internal calls are
 * unaffected). Each call gets fresh match objects, as before.
 */
import { createRequire } from 'node:module';

type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: unknown };
type MatchRoutes = (routes: object, location: string | { pathname?: string }, basename?: string) => Match[] | null;

/** Distinct paths remembered per route table; the ids in paths (slots, proposals) make them unbounded otherwise. */
const MAX_PATHS = 2_000;

const pathnameOf = (location: string | { pathname?: string }): string =>
  typeof location === 'string' ? (location.split(/[?#]/)[0] ?? '') : (location.pathname ?? '/');

/** Wraps `matchRoutes` with a cache per route table and path. */
export function memoizeMatchRoutes(matchRoutes: MatchRoutes): MatchRoutes {
  const byTable = new WeakMap<object, Map<string, Match[] | null>>();
  return (routes, location, basename = '/') => {
    let table = byTable.get(routes);
    if (!table) {
      table = new Map();
      byTable.set(routes, table);
    }
    const key = `${basename}\u0000${pathnameOf(location)}`;
    let found = table.get(key);
    if (found === undefined) {
      found = matchRoutes(routes, location, basename);
      if (table.size >= MAX_PATHS) table.clear();
      table.set(key, found);
    }
    return found === null ? null : found.map((match) => ({ ...match, params: { ...match.params } }));
  };
}

let installed = false;

/** Replaces @remix-run/router's `matchRoutes` for every CommonJS caller in this process (once). */
export function installRouteMatchingCache(): void {
  if (installed) return;
  const router = createRequire(import.meta.url)('@remix-run/router') as { matchRoutes: MatchRoutes };
  router.matchRoutes = memoizeMatchRoutes(router.matchRoutes);
  installed = true;
}
