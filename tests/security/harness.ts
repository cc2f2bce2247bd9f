/**
 * What the authorisation matrix and the fuzz suite share: one world on one
 * database behind the real build, requests as a given actor, a table-by-table
 * fingerprint of the database, and the reading of an answer (allowed,
 * refused, or a server error).
 */
import { sql, type Kysely } from 'kysely';
import type { ServerBuild } from '@remix-run/node';
import { homePathFor } from '../../app/auth/home-paths.js';
import { SESSION_COOKIE_NAME } from '../../app/auth/lucia.server.js';
import type { AppServices } from '../../app/services.server.js';
import type { DB } from '../../db/schema.js';
import { createDocumentSources } from '../../app/matching/documents/index.server.js';
import { reindex } from '../../search/reindex.server.js';
import { createAppClient, createTestServices, loadServerBuild, routesOf, type BuiltRoute, type LogCapture } from '../setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';
import type { AccessRule, RequestSample } from './route-access.js';
import { buildSecurityWorld, forbiddenMarkers, type Actor, type ActorName, type SecurityWorld, type WorldRefs } from '../setup/test-world.js';

export const ACTOR_NAMES: ActorName[] = [
  'anonymous',
  'candidateA',
  'candidateB',
  'employerA',
  'employerB',
  'consultantA',
  'consultantB',
  'admin',
  'apiKeyA',
  'apiKeyB',
];

export type SecurityHarness = {
  build: ServerBuild;
  routes: BuiltRoute[];
  database: TestDatabase;
  services: AppServices;
  log: LogCapture;
  world: SecurityWorld;
  send: (actor: Actor, request: RequestSpec, options?: { freshSession?: boolean }) => Promise<Answer>;
  /** Opens a new session for the actor now (before a fingerprint), used by the next request with `freshSession`. */
  prepareSession: (actor: Actor) => Promise<void>;
  close: () => Promise<void>;
};

export type RequestSpec = {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: BodyInit | null;
};

export type Answer = { status: number; location: string | null; text: string; errors: string[] };

export async function startSecurityHarness(): Promise<SecurityHarness> {
  const build = await loadServerBuild();
  const database = await createTestDatabase('pglite');
  const { services, log } = await createTestServices(database);
  const world = await buildSecurityWorld(services);
  // The embedded index was built from the empty database; the routes search the world.
  await reindex({ db: services.db, search: services.search, sources: createDocumentSources() });
  const client = createAppClient(build, services);
  const sessions = new Map<ActorName, string>();
  const prepared = new Map<ActorName, string>();

  const sessionOf = async (actor: Actor, fresh: boolean): Promise<string | null> => {
    if (actor.kind !== 'user') return null;
    if (fresh) {
      const ready = prepared.get(actor.name);
      prepared.delete(actor.name);
      if (ready) return ready;
      return (await services.auth.createSession(actor.userId, {})).id;
    }
    let id = sessions.get(actor.name);
    if (!id) {
      id = (await services.auth.createSession(actor.userId, {})).id;
      sessions.set(actor.name, id);
    }
    return id;
  };

  let sent = 0;
  const send: SecurityHarness['send'] = async (actor, spec, options = {}) => {
    const url = new URL(`http://localhost${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, one);
    }
    const headers = new Headers(spec.headers);
    const session = await sessionOf(actor, options.freshSession ?? false);
    if (session) headers.set('Cookie', `${SESSION_COOKIE_NAME}=${session}`);
    if (actor.kind === 'apiKey') headers.set('Authorization', `Bearer ${actor.secret}`);
    log.clear();
    const request = new Request(url, { method: spec.method, headers, body: spec.body ?? null });
    // A client address of its own for each request: the suites send hundreds of requests, and the
    // per-address throttles (login, account mails) are tested where they live, not here.
    sent += 1;
    const response = await client(request, `10.${ACTOR_NAMES.indexOf(actor.name)}.${(sent >> 8) & 255}.${sent & 255}`);
    const text = await response.text();
    return { status: response.status, location: response.headers.get('Location'), text, errors: [...log.errors] };
  };

  return {
    build,
    routes: routesOf(build),
    database,
    services,
    log,
    world,
    send,
    async prepareSession(actor) {
      if (actor.kind === 'user') prepared.set(actor.name, (await services.auth.createSession(actor.userId, {})).id);
    },
    async close() {
      await services.search.close();
      await database.close();
    },
  };
}

/** The URL path of a route pattern with its params filled from the world (already URL-encoded by the caller when hostile). */
export function pathOf(route: BuiltRoute, params: Record<string, string>): string {
  const path = route.pattern.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.id}: no value for the URL param :${name} (declare it in route-access.ts)`);
    return value;
  });
  return path;
}

export function resolveParams(refs: WorldRefs, params: Record<string, keyof WorldRefs> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).map(([name, ref]) => [name, encodeURIComponent(refs[ref])]));
}

/** Index routes take actions only with `?index` (otherwise the parent route's action is meant). */
export function actionQuery(route: BuiltRoute): Record<string, string> {
  return route.index ? { index: '' } : {};
}

export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return body;
}

export function sampleRequest(
  route: BuiltRoute,
  sample: RequestSample,
  refs: WorldRefs,
  params: Record<string, string>,
  kind: 'loader' | 'action',
): RequestSpec {
  const path = pathOf(route, params);
  const query = { ...(kind === 'action' ? actionQuery(route) : {}), ...(sample.query?.(refs) ?? {}) };
  if (kind === 'loader') return { method: 'GET', path, query };
  if (sample.json) {
    return { method: sample.method ?? 'POST', path, query, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sample.json(refs)) };
  }
  return {
    method: sample.method ?? 'POST',
    path,
    query,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody(sample.form?.(refs) ?? {}).toString(),
  };
}

// ---- who may ---------------------------------------------------------------

export type Verdict = 'allow' | 'deny-role' | 'deny-tenant';

function verdictOf(rule: AccessRule, actor: Actor): Verdict {
  const role = actor.kind === 'user' ? actor.role : null;
  const tenant = actor.kind === 'anonymous' ? null : actor.tenant;
  switch (rule) {
    case 'public':
      return 'allow';
    case 'anonymous-only':
      return role === null ? 'allow' : 'deny-role';
    case 'signed-in':
      return role ? 'allow' : 'deny-role';
    case 'candidate':
    case 'employer':
    case 'consultant':
    case 'admin':
      return role === rule ? 'allow' : 'deny-role';
    case 'candidate-self':
      return role === 'candidate' ? (tenant === 'A' ? 'allow' : 'deny-tenant') : 'deny-role';
    case 'employer-own-organisation':
      return role === 'employer' ? (tenant === 'A' ? 'allow' : 'deny-tenant') : 'deny-role';
    case 'consultant-own-jobcentre':
      return role === 'consultant' ? (tenant === 'A' ? 'allow' : 'deny-tenant') : 'deny-role';
    case 'api-key':
      return actor.kind === 'apiKey' ? 'allow' : 'deny-role';
    case 'api-key-own-organisation':
      return actor.kind === 'apiKey' ? (tenant === 'A' ? 'allow' : 'deny-tenant') : 'deny-role';
  }
}

/** Allowed when any rule allows; refused for the tenant when any rule lets the role in. */
export function verdictFor(access: AccessRule | AccessRule[], actor: Actor): Verdict {
  const verdicts = (Array.isArray(access) ? access : [access]).map((rule) => verdictOf(rule, actor));
  if (verdicts.includes('allow')) return 'allow';
  return verdicts.includes('deny-tenant') ? 'deny-tenant' : 'deny-role';
}

// ---- reading answers -------------------------------------------------------

const isRedirect = (answer: Answer) => answer.status >= 300 && answer.status < 400;
const redirectsTo = (answer: Answer, prefix: string) => isRedirect(answer) && (answer.location ?? '').startsWith(prefix);

/** Answers that mean "you got in": a page or data, a redirect onwards (not to log in), or the route's own verdict on the input. */
export function looksAllowed(answer: Answer): boolean {
  if (answer.status >= 200 && answer.status < 300) return true;
  if (isRedirect(answer)) return !redirectsTo(answer, '/login');
  return [400, 405, 409, 422, 429].includes(answer.status);
}

/**
 * Answers that mean "not for you": 401/403/404, or off to log in; someone
 * signed in who opens a page for people who are not is sent home. An action
 * refused for the tenant may also answer with its own verdict (a 4xx, or a
 * per-row outcome) as long as it stored nothing, which the suite checks.
 */
export function looksDenied(answer: Answer, verdict: Exclude<Verdict, 'allow'>, actor: Actor, kind: 'loader' | 'action'): boolean {
  if ([401, 403, 404].includes(answer.status)) return true;
  if (redirectsTo(answer, '/login')) return true;
  if (verdict === 'deny-role' && actor.kind === 'user' && redirectsTo(answer, homePathFor(actor.role))) return true;
  if (verdict === 'deny-tenant' && kind === 'action') return answer.status < 500;
  return false;
}

/** Other tenants' names and titles found in the answer. */
export function leakedMarkers(world: SecurityWorld, actor: Actor, answer: Answer, shownByToken = false): string[] {
  const exempt = shownByToken ? world.markers.invitation : [];
  return forbiddenMarkers(world, actor).filter((marker) => !exempt.includes(marker) && answer.text.includes(marker));
}

// ---- fingerprints ----------------------------------------------------------

export type Fingerprint = Map<string, string>;

/**
 * Bookkeeping a refused request may still write: an API key records when it
 * was last used even when the key may not do what it asked.
 */
const VOLATILE_COLUMNS: Record<string, string[]> = { api_keys: ['last_used_at'] };
/** Counters, not data: failed logins and API calls are counted even when refused. */
const BOOKKEEPING_TABLES = new Set(['rate_limits']);

/** Row count and md5 of the ordered rows of every table (bookkeeping columns left out). */
export async function fingerprint(db: Kysely<DB>): Promise<Fingerprint> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows
    .filter(({ name }) => !BOOKKEEPING_TABLES.has(name))
    .map(({ name }) => {
      const row = sql`(to_jsonb(t)${sql.join(
        (VOLATILE_COLUMNS[name] ?? []).map((column) => sql` - ${column}::text`),
        sql``,
      )})::text`;
      return sql`select ${name}::text as name, count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as print from ${sql.table(name)} t`;
    });
  const result = await sql<{ name: string; print: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(result.rows.map((row) => [row.name, row.print]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

// ---- change journal --------------------------------------------------------

/**
 * Which tables each request changed, exactly: row triggers on every table
 * append the table's name to a journal (in a schema of its own, so the
 * fingerprints above never see it). Reading the journal after each request
 * attributes every write to the request that made it, where comparing
 * fingerprints around a batch of requests cannot tell them apart; and it
 * costs one small query instead of hashing every table. A write rolled back
 * leaves no entry (the journal row is rolled back with it); an UPDATE that
 * changes nothing but the bookkeeping columns above is not a change.
 */
export type ChangeJournal = {
  /** The tables changed since the last call (each once, sorted). */
  takeChanges: () => Promise<string[]>;
};

export async function startChangeJournal(db: Kysely<DB>): Promise<ChangeJournal> {
  await sql`create schema if not exists change_journal`.execute(db);
  await sql`create table if not exists change_journal.changes (seq bigserial primary key, table_name text not null)`.execute(db);
  await sql`
    create or replace function change_journal.record() returns trigger language plpgsql as $$
    begin
      insert into change_journal.changes (table_name) values (TG_TABLE_NAME);
      return null;
    end $$`.execute(db);
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  for (const { name } of tables.rows) {
    if (BOOKKEEPING_TABLES.has(name)) continue;
    const volatile = sql.join(
      (VOLATILE_COLUMNS[name] ?? []).map((column) => sql` - ${sql.lit(column)}::text`),
      sql``,
    );
    await sql`create trigger change_journal_rows after insert or delete on ${sql.table(name)} for each row execute function change_journal.record()`.execute(
      db,
    );
    await sql`create trigger change_journal_updates after update on ${sql.table(name)} for each row
      when ((to_jsonb(old)${volatile}) is distinct from (to_jsonb(new)${volatile})) execute function change_journal.record()`.execute(db);
    await sql`create trigger change_journal_truncates after truncate on ${sql.table(name)} for each statement execute function change_journal.record()`.execute(
      db,
    );
  }
  let last = 0;
  return {
    async takeChanges() {
      const rows = await sql<{ seq: string; table_name: string }>`
        select seq::text, table_name from change_journal.changes where seq > ${last} order by seq`.execute(db);
      for (const row of rows.rows) last = Math.max(last, Number(row.seq));
      return [...new Set(rows.rows.map((row) => row.table_name))].sort();
    },
  };
}
