import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { installRouteMatchingCache, memoizeMatchRoutes } from './route-matching.server.js';

type StaticHandler = { query(request: Request): Promise<unknown>; queryRoute(request: Request, options?: { routeId?: string }): Promise<unknown> };
const router = createRequire(import.meta.url)('@remix-run/router') as {
  matchRoutes: (routes: object, location: string | { pathname?: string }, basename?: string) => unknown;
  createStaticHandler: (routes: object[]) => StaticHandler;
};
const original = router.matchRoutes;

// Shaped like Remix's server routes: a root layout, index routes, nested params, a dotted file route and a splat.
const routes = [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'routes/_index', index: true },
      { id: 'routes/candidate._index', path: 'candidate', index: true },
      { id: 'routes/candidate.offers._index', path: 'candidate/offers', index: true },
      { id: 'routes/candidate.offers.$slotId', path: 'candidate/offers/:slotId' },
      { id: 'routes/candidate.data[.]json', path: 'candidate/data.json' },
      { id: 'routes/api.v1.slots.$id.matches', path: 'api/v1/slots/:id/matches' },
      { id: 'routes/$', path: '*' },
    ],
  },
];

const paths = [
  '/',
  '/candidate',
  '/candidate/',
  '/candidate/offers',
  '/candidate/offers/4794c58c-d3f6-484d-8ec8-15d0a5de72a0',
  '/candidate/offers/%C3%A6bler',
  '/candidate/data.json',
  '/api/v1/slots/abc/matches',
  '/nowhere/at/all',
  '/candidate/offers?shown=40#top',
];

describe('matchRoutes with a cache per route table and path', () => {
  it('answers exactly as @remix-run/router does, for strings and location objects, with and without a basename', () => {
    const cached = memoizeMatchRoutes(original as never);
    for (const path of paths) {
      for (let round = 0; round < 2; round += 1) {
        expect(cached(routes, path)).toEqual(original(routes, path));
        expect(cached(routes, { pathname: path.split('?')[0] })).toEqual(original(routes, { pathname: path.split('?')[0] }));
        expect(cached(routes, `/app${path}`, '/app')).toEqual(original(routes, `/app${path}`, '/app'));
      }
    }
    expect(cached(routes, '/candidate', '/elsewhere')).toBeNull();
  });

  it('matches each path once, and hands every caller its own match objects', () => {
    const counted = vi.fn(original);
    const cached = memoizeMatchRoutes(counted as never);
    const first = cached(routes, '/candidate/offers/one')!;
    first[1]!.params.slotId = 'changed by a caller';
    const second = cached(routes, '/candidate/offers/one')!;
    expect(second[1]!.params.slotId).toBe('one');
    expect(second[1]).not.toBe(first[1]);
    expect(counted).toHaveBeenCalledTimes(1);
  });

  it('recognises a rebuilt copy of the table and points the matches into that copy', () => {
    const counted = vi.fn(original);
    const cached = memoizeMatchRoutes(counted as never);
    cached(routes, '/candidate/offers/one');
    const copy = structuredClone(routes);
    const matches = cached(copy, '/candidate/offers/one')!;
    expect(counted).toHaveBeenCalledTimes(1);
    expect(matches[0]!.route).toBe(copy[0]);
    expect(matches[1]!.route).toBe(copy[0]!.children[3]);
    expect(matches).toEqual(original(copy, '/candidate/offers/one'));
  });

  it('does not confuse tables that differ in a path, and leaves routes without ids uncached', () => {
    const counted = vi.fn(original);
    const cached = memoizeMatchRoutes(counted as never);
    const renamed = structuredClone(routes);
    renamed[0]!.children[3]!.path = 'candidate/jobs/:slotId';
    expect(cached(routes, '/candidate/jobs/one')).toEqual(original(routes, '/candidate/jobs/one'));
    expect(cached(renamed, '/candidate/jobs/one')).toEqual(original(renamed, '/candidate/jobs/one'));
    expect(cached(renamed, '/candidate/jobs/one')![1]!.route).toBe(renamed[0]!.children[3]);
    const anonymous = [{ path: 'a', children: [{ path: ':b' }] }];
    cached(anonymous, '/a/x');
    cached(anonymous, '/a/x');
    expect(counted).toHaveBeenCalledTimes(4);
    expect(cached(anonymous, '/a/x')).toEqual(original(anonymous, '/a/x'));
  });

  it('replaces the function every CommonJS caller of @remix-run/router reaches, once', () => {
    installRouteMatchingCache();
    const installed = router.matchRoutes;
    expect(installed).not.toBe(original);
    installRouteMatchingCache();
    expect(router.matchRoutes).toBe(installed);
    expect(router.matchRoutes(routes, '/candidate/offers/x')).toEqual(original(routes, '/candidate/offers/x'));
    router.matchRoutes = original;
  });

  it("reaches the server's own matching too: the static handler (every document and resource request) calls the module's matchRoutes", async () => {
    // patches/@remix-run+router+1.23.3.patch makes query() and queryRoute() call exports.matchRoutes; without it they call their private copy.
    const handler = router.createStaticHandler([{ id: 'root', path: '/', children: [{ id: 'slots', path: 'api/v1/slots', loader: () => 'slots' }] }]);
    const counted = vi.fn(original);
    router.matchRoutes = counted;
    try {
      expect(await handler.queryRoute(new Request('http://localhost/api/v1/slots'), { routeId: 'slots' })).toBe('slots');
      await handler.query(new Request('http://localhost/api/v1/slots'));
      expect(counted).toHaveBeenCalledTimes(2);
    } finally {
      router.matchRoutes = original;
    }
  });
});
