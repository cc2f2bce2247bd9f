/**
 * Hostile input to every form action and API endpoint of the production
 * build, sent as an actor allowed to use it so validation is reached: wrong
 * types, missing and extra fields, fields sent twice, oversized strings
 * (1 MB+), JSON nested 10,000 deep, invalid UTF-8, NUL bytes, SQL and
 * Meilisearch filter injection, path traversal, huge and negative numbers,
 * plus seeded random strings. Never a 5xx; a rejected input stores nothing
 * and an accepted one changes only the tables the route declares (a journal
 * of row triggers on every table tells which request wrote what, including
 * writes that land after the answer), and free text that is a legitimate
 * value is stored verbatim.
 *
 * Every target (each API endpoint and form action, and each loader that
 * takes a query or URL params) is fuzzed on every run, with a seeded sample
 * of the values per field (the values known to have broken something once
 * always included), so `npm test` stays within a few minutes. The full cross
 * product of fields × values takes about twice as long:
 *   JOBBRO_FUZZ=all npx vitest run tests/security/fuzz.test.ts
 * JOBBRO_FUZZ_SEED=<anything> draws another sample (the default is fixed,
 * so a failure reproduces).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../db/seed/random.js';
import { loadServerBuild, routesOf, type BuiltRoute } from '../setup/app-harness.js';
import { personalDataIn, personalValuesIn } from '../setup/personal-values.js';
import {
  ACTOR_NAMES,
  actionQuery,
  formBody,
  pathOf,
  resolveParams,
  startChangeJournal,
  startSecurityHarness,
  verdictFor,
  type Answer,
  type ChangeJournal,
  type RequestSpec,
  type SecurityHarness,
} from './harness.js';
import { actionSamples, routeAccess, type RequestSample } from './route-access.js';
import type { Actor } from '../setup/test-world.js';

const builtRoutes = routesOf(await loadServerBuild());

const MEGABYTE_PLUS = 'x'.repeat(1_100_000);
const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Values a person could legitimately type: when accepted they must be stored exactly as sent. */
const TEXT: Array<[string, string]> = [
  ['sql injection', "'; drop table candidates; --"],
  ['sql tautology', "' OR '1'='1"],
  ['filter injection', 'a" OR type = "igu'],
  ['path traversal', '../../../../etc/passwd'],
  ['markup', '<script>alert(1)</script>'],
  ['right-to-left override', '\u202Eexe.txt'],
];

/** Values no form should take as they are. */
const HOSTILE: Array<[string, string]> = [
  ['empty', ''],
  ['nul byte', 'a\u0000b'],
  ['lone surrogate', 'a\uD800b'],
  ['long', 'å'.repeat(5_000)],
  ['negative', '-1'],
  ['huge number', '1e309'],
  ['beyond int8', '99999999999999999999999'],
  ['not a number', 'NaN'],
  ['impossible date', '2026-02-30'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['prototype', '__proto__'],
  ['deep json', deepJson(10_000)],
  ['control characters', 'a\tb\nc\rd\u0001e\u007Ff\u009Bg'],
];

/** Seeded random strings: any code point, any length up to 300. */
function randomStrings(seed: string, count: number): Array<[string, string]> {
  const rng = seededRng(2026, seed);
  return Array.from({ length: count }, (_, i) => {
    const length = rng.int(1, 300);
    const chars = Array.from({ length }, () =>
      String.fromCodePoint(rng.chance(0.7) ? rng.int(32, 126) : rng.int(0, 0x10ffff - 0x800) + (rng.chance(0.5) ? 0 : 0x800)),
    );
    return [`random ${i}`, chars.join('').replace(/[\uD800-\uDFFF]/g, '?')];
  });
}

/** `text`: a legitimate value that, when accepted, must be stored exactly as sent. */
type Case = { label: string; spec: RequestSpec; text?: string };

const FULL = process.env.JOBBRO_FUZZ === 'all';
const SEED = process.env.JOBBRO_FUZZ_SEED ?? 'jobbro-fuzz';

/**
 * The values to try for one field: all of them with JOBBRO_FUZZ=all,
 * otherwise the `always` ones plus `count` drawn from the rest (seeded by
 * target and field, so adding a field elsewhere shifts nothing).
 */
function pickValues<T extends [string, ...unknown[]]>(values: T[], count: number, seed: string, always: string[] = []): T[] {
  if (FULL) return values;
  const fixed = values.filter(([label]) => always.includes(label));
  const rest = values.filter(([label]) => !always.includes(label));
  const drawn = new Set(seededRng(2026, `${SEED}:${seed}`).sample(rest, count));
  // In the list's order, so the cases read the same way as the full run's.
  return values.filter((value) => fixed.includes(value) || drawn.has(value));
}

const JSON_WRONG_TYPES: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['negative', -1],
  ['huge number', 1e308],
  ['string', 'x'],
  ['empty array', []],
  ['object', { $gt: '' }],
  ['array of numbers', [1, 2]],
  ['sql injection', "'; drop table candidates; --"],
  ['filter injection', 'a" OR type = "igu'],
  ['nul byte', 'a\u0000b'],
  ['control characters', 'a\tb\nc\u0001d\u007F'],
  ['megabyte string', MEGABYTE_PLUS],
  ['nested 10,000 deep', 'deep'],
];

function jsonCases(base: RequestSpec, sample: Record<string, unknown>, seed: string): Case[] {
  const cases: Case[] = [];
  const send = (label: string, body: BodyInit) => cases.push({ label, spec: { ...base, body } });
  for (const field of Object.keys(sample)) {
    const { [field]: _dropped, ...rest } = sample;
    const values: Array<[string, unknown]> = [...JSON_WRONG_TYPES, ['missing', undefined]];
    for (const [label, value] of pickValues(values, 4, `${seed}:${field}`, ['nul byte', 'control characters'])) {
      if (label === 'missing') send(`${field} missing`, JSON.stringify(rest));
      // JSON.stringify would recurse 10,000 deep; build the text instead.
      else if (value === 'deep')
        send(`${field} = ${label}`, JSON.stringify({ ...sample, [field]: '__DEEP__' }).replace('"__DEEP__"', deepJson(10_000)));
      else send(`${field} = ${label}`, JSON.stringify({ ...sample, [field]: value }));
    }
  }
  send(
    'extra fields',
    JSON.stringify({ ...sample, organisationId: '00000000-0000-0000-0000-000000000000', status: 'published', __proto__: { admin: true } }),
  );
  send('invalid JSON', '{"type": ');
  send('top-level array', '[]');
  send('top-level string', '"x"');
  send('top-level null', 'null');
  send('nested 10,000 deep', deepJson(10_000));
  send('megabyte body', JSON.stringify({ ...sample, title: MEGABYTE_PLUS }));
  send('invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]));
  return cases;
}

/**
 * Each case that does not fuzz the e-mail registers a new address: a second
 * registration of one address is answered without storing anything (so that
 * nobody learns which addresses have accounts), which would hide whether the
 * case's other values were stored verbatim.
 */
function withOwnEmail(fields: Record<string, string | string[]>, label: string, n: number): Record<string, string | string[]> {
  const email = fields.email;
  if (typeof email !== 'string' || label.startsWith('email') || !/^[^@\s]+@[^@\s]+$/.test(email)) return fields;
  const [local, domain] = email.split('@');
  return { ...fields, email: `${local}.case${n}@${domain}` };
}

function formCases(base: RequestSpec, sample: Record<string, string | string[]>, textFields: string[], seed: string): Case[] {
  const cases: Case[] = [];
  const send = (label: string, fields: Record<string, string | string[]>, text?: string) =>
    cases.push({ label, spec: { ...base, body: formBody(withOwnEmail(fields, label, cases.length)).toString() }, text });
  for (const field of Object.keys(sample)) {
    const isText = textFields.includes(field);
    const { [field]: _dropped, ...rest } = sample;
    const values: Array<[string, string | string[] | null]> = [
      ...TEXT,
      ...HOSTILE,
      ...randomStrings(`${seed}:${field}`, 3),
      ['twice', [String(sample[field]), "'; drop table candidates; --"]],
      ['missing', null],
    ];
    // A free-text field gets every legitimate value; any field the NUL byte, which PostgreSQL text cannot hold.
    const always = ['nul byte', 'control characters', ...(isText ? TEXT.map(([label]) => label) : [])];
    for (const [label, value] of pickValues(values, 4, `${seed}:${field}`, always)) {
      if (value === null) send(`${field} missing`, rest);
      else if (Array.isArray(value)) send(`${field} twice`, { ...sample, [field]: value });
      else send(`${field} = ${label}`, { ...sample, [field]: value }, isText && TEXT.some(([, text]) => text === value) ? value : undefined);
    }
  }
  send('extra fields', { ...sample, role: 'admin', organisationId: '00000000-0000-0000-0000-000000000000', __proto__: 'x' });
  send('every field an injection', Object.fromEntries(Object.keys(sample).map((field) => [field, "' OR '1'='1"])));
  const raw = (label: string, body: BodyInit, contentType: string | null) =>
    cases.push({ label, spec: { ...base, headers: contentType ? { 'Content-Type': contentType } : {}, body } });
  raw('megabyte form', formBody({ ...sample, [Object.keys(sample)[0] ?? 'x']: MEGABYTE_PLUS }).toString(), 'application/x-www-form-urlencoded');
  // Broken UTF-8 ending in a raw NUL byte, in each free-text field (in a `note` where the form has none).
  const invalid = [0xff, 0xfe, 0xc3, 0x28, 0x00];
  for (const field of textFields.length > 0 ? textFields : ['note']) {
    const prefix = new TextEncoder().encode(`${formBody({ ...sample, [field]: 'x' }).toString()}&${field}=`);
    raw(`invalid UTF-8 bytes in ${field}`, new Uint8Array([...prefix, ...invalid]), 'application/x-www-form-urlencoded');
  }
  raw('percent-encoded invalid UTF-8', 'note=%FF%FE%C3%28&intent=%00', 'application/x-www-form-urlencoded');
  raw('JSON sent as a form', JSON.stringify(sample), 'application/x-www-form-urlencoded');
  raw('JSON content type', JSON.stringify(sample), 'application/json');
  raw('no content type', formBody(sample).toString(), null);
  raw('broken multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', 'multipart/form-data; boundary=x');
  const multipart = new FormData();
  for (const [name, value] of Object.entries(sample)) for (const one of Array.isArray(value) ? value : [value]) multipart.append(name, one);
  multipart.append('file', new Blob([new Uint8Array([0, 1, 2, 255])]), '../../etc/passwd');
  cases.push({ label: 'multipart with a file', spec: { ...base, headers: {}, body: multipart } });
  return cases;
}

function queryCases(base: RequestSpec, sample: Record<string, string | string[]>, seed: string): Case[] {
  const cases: Case[] = [];
  for (const field of Object.keys(sample)) {
    const values: Array<[string, string | string[]]> = [
      ...TEXT,
      ...HOSTILE.filter(([label]) => label !== 'deep json'),
      ['megabyte', 'x'.repeat(100_000)],
      ['twice', [String(sample[field]), 'igu']],
    ];
    for (const [label, value] of pickValues(values, 4, `${seed}:${field}`, ['nul byte', 'control characters'])) {
      cases.push({
        label: Array.isArray(value) ? `?${field} twice` : `?${field} = ${label}`,
        spec: { ...base, query: { ...sample, [field]: value } },
      });
    }
  }
  cases.push({ label: 'unknown parameters', spec: { ...base, query: { ...sample, 'a[b][c]': '1', constructor: 'x' } } });
  return cases;
}

const PATH_VALUES: Array<[string, string]> = [
  ['sql injection', encodeURIComponent("' OR 1=1 --")],
  ['traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['nul', '%00'],
  ['invalid percent-encoding', '%FF%FE'],
  ['broken escape', '%E0%A4%A'],
  ['long', 'a'.repeat(5_000)],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['uuid in capitals', '8E275949-6930-42A5-A37B-44E40CAC5907'],
  ['number', '-1'],
];

function pathCases(params: Record<string, string>, build: (params: Record<string, string>) => RequestSpec, seed: string): Case[] {
  return Object.keys(params).flatMap((name) =>
    pickValues(PATH_VALUES, 3, `${seed}:${name}`, ['nul']).map(([label, value]) => ({
      label: `:${name} = ${label}`,
      spec: build({ ...params, [name]: value }),
    })),
  );
}

/** The actor the fuzz suite sends as: someone the rule allows, tenant A's first. */
function allowedActor(harness: SecurityHarness, sample: RequestSample): Actor {
  // Public forms as nobody: logging out a shared session would quietly turn later targets anonymous.
  const order = ['anonymous', 'employerA', 'consultantA', 'candidateA', 'apiKeyA', 'admin', ...ACTOR_NAMES] as const;
  const name = order.find((candidate) => verdictFor(sample.access, harness.world.actors[candidate]) === 'allow');
  if (!name) throw new Error('no actor may use this route');
  return harness.world.actors[name];
}

type Target = { id: string; route: BuiltRoute; kind: 'loader' | 'action'; sample: RequestSample; index: number };

function targetsOf(): Target[] {
  const targets: Target[] = [];
  for (const route of builtRoutes) {
    const entry = routeAccess[route.id];
    if (!entry || entry === 'layout') continue;
    const fuzzLoader = entry.loader && (entry.loader.query || entry.params || route.pattern.startsWith('/api/'));
    if (fuzzLoader && entry.loader) targets.push({ id: `${route.id} loader`, route, kind: 'loader', sample: entry.loader, index: 0 });
    actionSamples(entry).forEach((sample, index) =>
      targets.push({ id: `${route.id} action${index > 0 ? ` #${index + 1}` : ''}`, route, kind: 'action', sample, index }),
    );
  }
  return targets;
}

/** Dates no field takes: not calendar dates, other notations, and years no field's range reaches. */
const IMPOSSIBLE_DATES: Array<[string, string]> = [
  ['30 February', '2023-02-30'],
  ['29 February of a common year', '2026-02-29'],
  ['zero date', '0000-00-00'],
  ['month 13', '2026-13-01'],
  ['day 32', '2026-12-32'],
  ['year 9999', '9999-12-31'],
  ['before 1900', '1899-12-31'],
  ['five-digit year', '10000-01-01'],
  ['unpadded', '2026-1-1'],
  ['timestamp', '2026-12-07T00:00:00Z'],
  ['day-month-year', '07-12-2026'],
];

/** Number texts `Number()` reads but no person means, and values outside every field's bounds. */
const FORM_OUT_OF_RANGE_NUMBERS: Array<[string, string]> = [
  ['exponent', '1e5'],
  ['hexadecimal', '0x10'],
  ['infinity', 'Infinity'],
  ['negative', '-1'],
  ['overflow', '1e309'],
  ['not a number', 'NaN'],
  ['huge', '99999999'],
];
const JSON_OUT_OF_RANGE_NUMBERS: Array<[string, unknown]> = [
  ['negative', -1],
  ['1e5', 1e5],
  ['huge', 1e308],
  ['hexadecimal text', '0x10'],
  ['infinity text', 'Infinity'],
];

const apiErrorSchema = z.object({ error: z.object({ details: z.record(z.string(), z.unknown()).optional() }) });

function boundedFieldTargets(): Target[] {
  return targetsOf().filter(
    (target) => target.kind === 'action' && ((target.sample.dates?.length ?? 0) > 0 || (target.sample.numbers?.length ?? 0) > 0),
  );
}

/**
 * Whether a 400 names `field`: the API's JSON error details, or the form
 * page's control of that name marked invalid (where the form shows the
 * error), or the page's list of refused fields.
 */
function namesField(answer: Answer, field: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = undefined; // Not JSON: a page.
  }
  const apiError = apiErrorSchema.safeParse(body);
  if (apiError.success) return Object.keys(apiError.data.error.details ?? {}).some((key) => key === field || key.startsWith(`${field}.`));
  // A page with several forms lists the refused fields beside them.
  if (answer.text.includes(`data-field="${field}"`)) return true;
  const controls = answer.text.match(/<(?:input|select|textarea)\b[^>]*>/g) ?? [];
  return controls.some((tag) => tag.includes(`name="${field}"`) && tag.includes('aria-invalid="true"'));
}

/** Whether `value` is stored exactly (as a column value or inside a JSON/array column) in one of the tables. */
async function storedVerbatim(harness: SecurityHarness, tables: string[], value: string): Promise<boolean> {
  const needle = JSON.stringify(value).slice(1, -1);
  for (const table of tables) {
    const found = await sql<{
      hit: boolean;
    }>`select exists(select 1 from ${sql.table(table)} t where position(${needle} in to_jsonb(t)::text) > 0) as hit`.execute(harness.database.db);
    if (found.rows[0]?.hit) return true;
  }
  return false;
}

describe('fuzz: hostile input to every form and API endpoint', () => {
  let harness: SecurityHarness;
  let journal: ChangeJournal;

  beforeAll(async () => {
    harness = await startSecurityHarness();
    journal = await startChangeJournal(harness.database.db);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it.each(targetsOf().map((target) => [target.id, target] as const))('%s: never a 5xx, never a stray stored change', async (_id, target) => {
    const { world } = harness;
    const entry = routeAccess[target.route.id];
    if (!entry || entry === 'layout') return;
    const actor = allowedActor(harness, target.sample);
    const params = resolveParams(world.refs, entry.params);
    const specFor = (values: Record<string, string>): RequestSpec => {
      const path = pathOf(target.route, values);
      const query = { ...(target.kind === 'action' ? actionQuery(target.route) : {}), ...(target.sample.query?.(world.refs) ?? {}) };
      if (target.kind === 'loader') return { method: 'GET', path, query };
      const json = Boolean(target.sample.json);
      return {
        method: target.sample.method ?? 'POST',
        path,
        query,
        headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      };
    };
    const base = specFor(params);
    const cases: Case[] = [...pathCases(params, specFor, target.id)];
    if (target.kind === 'loader') cases.push(...queryCases(base, target.sample.query?.(world.refs) ?? {}, target.id));
    else if (target.sample.json) cases.push(...jsonCases(base, target.sample.json(world.refs), target.id));
    else cases.push(...formCases(base, target.sample.form?.(world.refs) ?? {}, target.sample.text ?? [], target.id));
    // Path cases for actions need a body too.
    for (const one of cases) {
      if (target.kind === 'action' && one.spec.body === undefined) {
        one.spec.body = target.sample.json
          ? JSON.stringify(target.sample.json(world.refs))
          : formBody(target.sample.form?.(world.refs) ?? {}).toString();
      }
    }

    const problems: string[] = [];
    // A refused form is answered with its page, whose loader runs again and may record the view (never the input).
    const pageWrites = target.kind === 'action' && target.route.hasComponent ? (entry.loader?.writes ?? []) : [];
    const writes = new Set([...(target.sample.writes ?? []), ...pageWrites]);
    // Opens the actor's session (a write of the harness, not of a case) and forgets what earlier targets wrote.
    await harness.send(actor, { method: 'GET', path: '/healthz' });
    await journal.takeChanges();
    let previous = 'the session check';
    for (const one of cases) {
      // Whatever was written since the previous case's answer was written after it: work the route did not await.
      const late = await journal.takeChanges();
      if (late.length > 0) problems.push(`${late.join(', ')} changed after the answer to "${previous}"`);
      previous = one.label;
      let answer: Answer;
      try {
        answer = await harness.send(actor, one.spec);
      } catch (error) {
        problems.push(`${one.label}: the request handler threw ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const changed = await journal.takeChanges();
      if (answer.status >= 500) {
        problems.push(`${one.label}: ${answer.status}${answer.errors[0] ? `\n      log: ${answer.errors[0].slice(0, 400)}` : ''}`);
        continue;
      }
      if (answer.status >= 400) {
        const stored = changed.filter((table) => !pageWrites.includes(table));
        if (stored.length > 0) problems.push(`${one.label}: refused (${answer.status}) but changed ${stored.join(', ')}`);
        continue;
      }
      const stray = changed.filter((table) => !writes.has(table));
      if (stray.length > 0)
        problems.push(`${one.label}: accepted (${answer.status}) and changed ${stray.join(', ')}, which this route does not write`);
      if (one.text !== undefined && changed.length > 0 && !(await storedVerbatim(harness, changed, one.text))) {
        problems.push(`${one.label}: accepted (${answer.status}) but the value was not stored verbatim`);
      }
    }
    // Un-awaited work of the last case would show up within a moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await journal.takeChanges();
    if (late.length > 0) problems.push(`${late.join(', ')} changed after the answer to "${previous}"`);
    if (problems.length > 0) expect.fail(`${cases.length} cases as ${actor.name}:\n  ${problems.join('\n  ')}`);
  });

  // Issue 21: every date and every number the rules trust, on every form and API field, is refused with 400 naming the field.
  it.each(boundedFieldTargets().map((target) => [target.id, target] as const))(
    '%s: impossible dates and out-of-range numbers are refused with 400 naming the field',
    async (_id, target) => {
      const { world } = harness;
      const entry = routeAccess[target.route.id];
      if (!entry || entry === 'layout') return;
      const actor = allowedActor(harness, target.sample);
      const path = pathOf(target.route, resolveParams(world.refs, entry.params));
      const query = { ...actionQuery(target.route), ...(target.sample.query?.(world.refs) ?? {}) };
      const json = target.sample.json?.(world.refs);
      const form = target.sample.form?.(world.refs) ?? {};
      const cases: Array<{ label: string; field: string; spec: RequestSpec }> = [];
      const send = (field: string, label: string, value: unknown) =>
        cases.push({
          label: `${field} = ${label}`,
          field,
          spec: json
            ? {
                method: target.sample.method ?? 'POST',
                path,
                query,
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ ...json, [field]: value }),
              }
            : {
                method: 'POST',
                path,
                query,
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: formBody({ ...form, [field]: String(value) }).toString(),
              },
        });
      for (const field of target.sample.dates ?? []) for (const [label, value] of IMPOSSIBLE_DATES) send(field, label, value);
      for (const field of target.sample.numbers ?? [])
        for (const [label, value] of json ? JSON_OUT_OF_RANGE_NUMBERS : FORM_OUT_OF_RANGE_NUMBERS) send(field, label, value);

      const pageWrites = target.route.hasComponent ? (entry.loader?.writes ?? []) : [];
      const problems: string[] = [];
      await harness.send(actor, { method: 'GET', path: '/healthz' });
      await journal.takeChanges();
      for (const one of cases) {
        const answer = await harness.send(actor, one.spec);
        const stored = (await journal.takeChanges()).filter((table) => !pageWrites.includes(table));
        if (answer.status !== 400)
          problems.push(`${one.label}: ${answer.status}, not 400${answer.errors[0] ? ` (log: ${answer.errors[0].slice(0, 300)})` : ''}`);
        else if (!namesField(answer, one.field)) problems.push(`${one.label}: 400, but the answer does not name ${one.field}`);
        if (stored.length > 0) problems.push(`${one.label}: changed ${stored.join(', ')}`);
      }
      if (problems.length > 0) expect.fail(`${cases.length} cases as ${actor.name}:\n  ${problems.join('\n  ')}`);
    },
  );

  // What the fuzzing found once (each a 500), pinned down so a sample that misses them still guards them.
  describe('findings', () => {
    const form = (path: string, fields: Record<string, string>, query: Record<string, string> = {}): RequestSpec => ({
      method: 'POST',
      path,
      query,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody(fields).toString(),
    });
    const candidateRow = () =>
      harness.database.db
        .selectFrom('candidates')
        .select(['education', 'ambition_note'])
        .where('id', '=', harness.world.refs.candidateA)
        .executeTakeFirstOrThrow();

    it('a NUL character in free text is refused with a message naming the field, and nothing is stored', async () => {
      const { actors } = harness.world;
      await harness.send(actors.candidateA, { method: 'GET', path: '/healthz' });
      const before = await candidateRow();
      await journal.takeChanges();
      const answer = await harness.send(actors.candidateA, form('/candidate/profile/experience', { education: 'Gymnasium\u0000' }));
      // A page answers with its error page (no one can type a NUL); the API below names the field.
      expect(answer.status).toBe(400);
      // The same NUL as a raw byte after invalid UTF-8.
      const bytes = new Uint8Array([...new TextEncoder().encode('sectors=kitchen&note='), 0xff, 0xfe, 0xc3, 0x28, 0x00]);
      const raw = await harness.send(actors.candidateA, { ...form('/candidate/profile/ambitions', {}), body: bytes });
      expect(raw.status).toBe(400);
      const api = await harness.send(actors.apiKeyA, {
        method: 'POST',
        path: '/api/v1/slots',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Kok\u0000' }),
      });
      expect(api.status).toBe(400);
      expect(JSON.parse(api.text).error.details).toEqual({ title: ['Text cannot contain the NUL character (U+0000)'] });
      expect(await journal.takeChanges()).toEqual([]);
      expect(await candidateRow()).toEqual(before);
    });

    it('legitimate text that looks like SQL is stored exactly as typed, and nothing else changes', async () => {
      const { actors } = harness.world;
      await harness.send(actors.candidateA, { method: 'GET', path: '/healthz' });
      await journal.takeChanges();
      const education = "'; drop table candidates; -- <script>alert(1)</script> \u202Eexe.txt";
      const answer = await harness.send(actors.candidateA, form('/candidate/profile/experience', { education }));
      expect(answer.status).toBe(302);
      expect((await candidateRow()).education).toBe(education);
      const changed = await journal.takeChanges();
      expect(changed).toContain('candidates');
      // The profile (and the search outbox, the audit log, re-matching) only.
      expect(
        changed.filter((table) => !['candidates', 'candidate_occupations', 'search_outbox', 'audit_log', 'match_proposals'].includes(table)),
      ).toEqual([]);
    });

    it('a NUL in the erasure search and an unknown figures scope answer the page, not a 500', async () => {
      const { actors } = harness.world;
      expect((await harness.send(actors.consultantA, { method: 'GET', path: '/consultant/erasure', query: { q: 'an\u0000' } })).status).toBe(200);
      expect((await harness.send(actors.consultantA, { method: 'GET', path: '/consultant/figures', query: { scope: "' OR '1'='1" } })).status).toBe(
        200,
      );
      expect(
        (await harness.send(actors.consultantA, { method: 'GET', path: '/consultant/figures.csv', query: { scope: 'x', table: 'bySector' } })).status,
      ).toBe(200);
    });

    it("a decision sent to a slot URL holding a NUL (not the proposal's slot) is refused with 404, not a 500 (the redirect's Location threw)", async () => {
      const { actors, refs } = harness.world;
      const answer = await harness.send(
        actors.employerA,
        form('/employer/slots/%00', { proposalId: refs.approvedProposalA, decision: 'invite', note: 'Velkommen' }),
      );
      expect(answer.status).toBe(404);
      expect(answer.location ?? null).toBeNull();
    });
  });

  // Last: everything the app logged while it was fuzzed (database errors included) holds no one's personal data.
  it('logged no name, e-mail, phone number, date of birth or note of anyone in the world', async () => {
    const values = await personalValuesIn(harness.database.db);
    expect(values.length).toBeGreaterThan(10);
    // In process there is no request log, and a run without a 5xx may log nothing at all: whatever was logged (a
    // database error, a warning) is read here.
    expect(personalDataIn(harness.log.all, values)).toEqual([]);
  });
});
