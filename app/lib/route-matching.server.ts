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
 * `matchRoutes` is a pure function of (routes, pathname, basename), and a
 * build's route table never changes while the server runs (Remix rebuilds an
 * identical copy for every render, so copies are recognised by their shape
 * and each caller gets matches pointing into its own copy). Callers reach it through
 * the CommonJS module object of @remix-run/router, so replacing that property
 * once at start reaches all of them. The static handler's `query` and
 * `queryRoute` (each document and resource request) called the router's
 * private copy; patches/@remix-run+router+1.23.3.patch (applied by
 * patch-package on install) makes them call the module's, so they are
 * cached too (≈ 8 % of an API call). Each call gets fresh match objects, as before.
 */
import { createRequire } from 'node:module';

type RouteLike = { id?: unknown; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteLike[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: RouteLike };
type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
/** A match without its route object: the route is looked up by id in the table of the call at hand. */
type MatchShape = { id: string; params: Match['params']; pathname: string; pathnameBase: string };
type Table = { shape: string; byId: Map<string, RouteLike> };

/** Distinct paths remembered per route table shape; the ids in paths (slots, proposals) make them unbounded otherwise. */
const MAX_PATHS = 2_000;
/** Distinct table shapes remembered (one per build: the server's and the render's tables share it). */
const MAX_SHAPES = 8;

const pathnameOf = (location: string | { pathname?: string }): string =>
  typeof location === 'string' ? (location.split(/[?#]/)[0] ?? '') : (location.pathname ?? '/');

/**
 * What matching depends on — ids, paths, index and case flags, nesting and
 * order — as one string, and the routes by id; null when a route has no id
 * (then the call is not cached). Remix builds a new but identical table for
 * every render, so tables are compared by this shape, not by identity.
 */
function tableOf(routes: RouteLike[]): Table | null {
  const byId = new Map<string, RouteLike>();
  const parts: string[] = [];
  const walk = (list: RouteLike[]): boolean => {
    parts.push('[');
    for (const route of list) {
      if (typeof route.id !== 'string' || byId.has(route.id)) return false;
      byId.set(route.id, route);
      parts.push(route.id, '\u0001', route.path ?? '\u0002', route.index ? 'i' : '-', route.caseSensitive ? 'c' : '-');
      if (route.children && !walk(route.children)) return false;
    }
    parts.push(']');
    return true;
  };
  return walk(routes) ? { shape: parts.join(''), byId } : null;
}

/** Wraps `matchRoutes` with a cache per route table shape and path. */
export function memoizeMatchRoutes(matchRoutes: MatchRoutes): MatchRoutes {
  const tables = new WeakMap<RouteLike[], Table | null>();
  const byShape = new Map<string, Map<string, MatchShape[] | null>>();
  return (routes, location, basename = '/') => {
    let table = tables.get(routes);
    if (table === undefined) {
      table = tableOf(routes);
      tables.set(routes, table);
    }
    if (table === null) return matchRoutes(routes, location, basename);
    let paths = byShape.get(table.shape);
    if (!paths) {
      if (byShape.size >= MAX_SHAPES) byShape.clear();
      paths = new Map();
      byShape.set(table.shape, paths);
    }
    const key = `${basename}\u0000${pathnameOf(location)}`;
    let found = paths.get(key);
    if (found === undefined) {
      const matches = matchRoutes(routes, location, basename);
      found = matches && matches.map((match) => ({ id: match.route.id as string, params: match.params, pathname: match.pathname, pathnameBase: match.pathnameBase }));
      if (paths.size >= MAX_PATHS) paths.clear();
      paths.set(key, found);
    }
    const { byId } = table;
    return found === null
      ? null
      : found.map((match) => ({ params: { ...match.params }, pathname: match.pathname, pathnameBase: match.pathnameBase, route: byId.get(match.id)! }));
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
