/**
 * The authorisation matrix: every route of the production build × its
 * loader (GET) and action (POST/PUT) × every actor — anonymous, candidate,
 * employer and consultant of tenants A and B, the admin, and the API keys
 * of organisations A and B — against the rules declared in route-access.ts.
 * URLs and forms name tenant A's rows. Allowed actors must get in; refused
 * ones get 401/403/404 or a redirect to log in, store nothing, and no answer
 * may carry another tenant's names. A route without a declared rule fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerBuild, routesOf } from '../setup/app-harness.js';
import { personalDataIn, personalValuesIn } from '../setup/personal-values.js';
import {
  ACTOR_NAMES,
  changedTables,
  fingerprint,
  leakedMarkers,
  looksAllowed,
  looksDenied,
  resolveParams,
  sampleRequest,
  startSecurityHarness,
  verdictFor,
  type Answer,
  type SecurityHarness,
  type Verdict,
} from './harness.js';
import { actionSamples, routeAccess, type RequestSample } from './route-access.js';

const builtRoutes = routesOf(await loadServerBuild());

type Row = { actor: string; request: string; expected: Verdict; status: number; location: string | null; problem: string; log?: string };

function table(rows: Row[]): string {
  const lines = rows.map(
    (row) =>
      `${row.request.padEnd(58)} ${row.actor.padEnd(12)} ${row.expected.padEnd(11)} → ${String(row.status).padEnd(4)}${row.location ? ` ${row.location}` : ''}  ${row.problem}${row.log ? `\n      log: ${row.log}` : ''}`,
  );
  return `\n${'request'.padEnd(58)} ${'actor'.padEnd(12)} ${'expected'.padEnd(11)}   status  problem\n${lines.join('\n')}`;
}

describe('route list and declared access', () => {
  it('declares a rule for every route in the build, and no rule for a route that does not exist', () => {
    const built = new Set(builtRoutes.map((route) => route.id));
    const undeclared = [...built].filter((id) => !(id in routeAccess));
    const stale = Object.keys(routeAccess).filter((id) => !built.has(id));
    expect(undeclared, 'routes without an entry in tests/security/route-access.ts').toEqual([]);
    expect(stale, 'entries in tests/security/route-access.ts without a route').toEqual([]);
  });

  it('declares the loader and action each route module has, and every URL param', () => {
    const problems: string[] = [];
    for (const route of builtRoutes) {
      const entry = routeAccess[route.id];
      if (!entry || entry === 'layout') continue;
      if (route.hasLoader !== Boolean(entry.loader)) problems.push(`${route.id}: module ${route.hasLoader ? 'has' : 'has no'} loader`);
      if (route.hasAction !== actionSamples(entry).length > 0) problems.push(`${route.id}: module ${route.hasAction ? 'has' : 'has no'} action`);
      for (const [, name] of route.pattern.matchAll(/:(\w+)/g)) {
        if (!entry.params?.[name!]) problems.push(`${route.id}: URL param :${name} has no row`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('authorisation matrix', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    harness = await startSecurityHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const checked = builtRoutes.filter((route) => {
    const entry = routeAccess[route.id];
    return entry !== undefined && entry !== 'layout';
  });

  it.each(checked.map((route) => [route.id, route] as const))('%s: zero unexpected access', async (_id, route) => {
    const entry = routeAccess[route.id];
    if (!entry || entry === 'layout') return;
    const { world } = harness;
    const params = resolveParams(world.refs, entry.params);
    const rows: Row[] = [];
    const samples: Array<{ kind: 'loader' | 'action'; sample: RequestSample }> = [
      ...(entry.loader ? [{ kind: 'loader' as const, sample: entry.loader }] : []),
      ...actionSamples(entry).map((sample) => ({ kind: 'action' as const, sample })),
    ];

    for (const { kind, sample } of samples) {
      const spec = sampleRequest(route, sample, world.refs, params, kind);
      const label = `${spec.method} ${spec.path}${kind === 'action' && spec.body ? ` ${String(spec.body).slice(0, 40)}` : ''}`;
      const actors = ACTOR_NAMES.map((name) => world.actors[name]);
      const refused = actors.filter((actor) => verdictFor(sample.access, actor) !== 'allow');
      const allowed = actors.filter((actor) => verdictFor(sample.access, actor) === 'allow');
      const record = (actor: (typeof actors)[number], expected: Verdict, answer: Answer, problem: string) =>
        rows.push({ actor: actor.name, request: label, expected, status: answer.status, location: answer.location, problem, log: answer.errors[0] });

      // Refused actors first, while the rows are as the world built them; together they must store nothing.
      for (const actor of refused) await harness.prepareSession(actor);
      const before = await fingerprint(harness.database.db);
      for (const actor of refused) {
        const expected = verdictFor(sample.access, actor);
        if (expected === 'allow') continue;
        const answer = await harness.send(actor, spec, { freshSession: true });
        if (answer.status >= 500) record(actor, expected, answer, 'server error');
        else if (!looksDenied(answer, expected, actor, kind)) record(actor, expected, answer, 'UNEXPECTED ACCESS');
        const leaked = leakedMarkers(world, actor, answer, entry.secretInUrl === true);
        if (leaked.length > 0) record(actor, expected, answer, `leaks ${leaked.join(', ')}`);
      }
      const changed = changedTables(before, await fingerprint(harness.database.db));
      if (changed.length > 0) {
        rows.push({
          actor: refused.map((a) => a.name).join('+'),
          request: label,
          expected: 'deny-role',
          status: 0,
          location: null,
          problem: `refused requests changed ${changed.join(', ')}`,
        });
      }

      for (const actor of allowed) {
        const answer = await harness.send(actor, spec, { freshSession: kind === 'action' });
        if (answer.status >= 500) record(actor, 'allow', answer, 'server error');
        else if (!looksAllowed(answer)) record(actor, 'allow', answer, 'refused but should be allowed');
        const leaked = leakedMarkers(world, actor, answer, entry.secretInUrl === true);
        if (leaked.length > 0) record(actor, 'allow', answer, `leaks ${leaked.join(', ')}`);
      }
    }
    if (rows.length > 0) expect.fail(table(rows));
  });

  // Found by the fuzz suite: these answered 500.
  it('answers 400 when an employer form arrives as something other than a form', async () => {
    const { world } = harness;
    for (const path of ['/employer/slots/new', `/employer/slots/${world.refs.slotA}`, '/employer/company', '/employer/workplaces/new']) {
      for (const headers of [{ 'Content-Type': 'application/json' }, { 'Content-Type': 'multipart/form-data; boundary=x' }]) {
        const answer = await harness.send(world.actors.employerA, { method: 'POST', path, headers, body: '--x\r\nbroken' });
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      }
    }
  });

  it('answers 404 to a decision on a proposal id that is not a UUID', async () => {
    const { world } = harness;
    const answer = await harness.send(world.actors.consultantA, {
      method: 'POST',
      path: `/consultant/proposals/${encodeURIComponent("' OR 1=1 --")}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'intent=approve',
    });
    expect(answer.status).toBe(404);
  });

  // Last: everything the app logged while every actor called every route.
  it('logged no name, e-mail, phone number, date of birth or note of anyone in the world', async () => {
    const values = await personalValuesIn(harness.database.db);
    expect(values.length).toBeGreaterThan(10);
    // In process there is no request log, and a run without a 5xx may log nothing at all: whatever was logged (a
    // database error, a warning) is read here.
    expect(personalDataIn(harness.log.all, values)).toEqual([]);
  });
});
