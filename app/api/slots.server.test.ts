import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { createAuth } from '../auth/lucia.server.js';
import { createApiKey, revokeApiKey } from '../employers/api-keys.server.js';
import { listWorkplaces, signUpCompany, type EmployerActor } from '../employers/organisations.server.js';
import { companySignupSchema } from '../employers/schemas.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { assertConforms, openApi31Problems } from './openapi-conformance.js';
import { openApiDocument } from './openapi.js';
import { createSlotResponse, listSlotsResponse, readSlotResponse, slotTransitionResponse, updateSlotResponse, type ApiDeps } from './slots.server.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const document = JSON.parse(JSON.stringify(openApiDocument()));
const skill = getTaxonomy().skills[0]!.uri;

function company(n: number, cvr: string) {
  return companySignupSchema.parse({
    cvr,
    companyName: `API ${n} A/S`,
    contactName: `Kontakt ${n}`,
    email: `api${n}@firma.dk`,
    password: 'a good long password',
    passwordRepeat: 'a good long password',
    pNumber: `30000000${String(n).padStart(2, '0')}`,
    workplaceName: 'Lager',
    address: 'Havnevej 2',
    postalCode: '6200',
    employeesFte: 5,
  });
}

describe('OpenAPI document', () => {
  it('is a structurally valid OpenAPI 3.1 document whose schemas compile and whose $refs resolve', () => {
    expect(openApi31Problems(document)).toEqual([]);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/slots', '/api/v1/slots/{slotId}', '/api/v1/slots/{slotId}/close', '/api/v1/slots/{slotId}/publish']),
    );
  });
});

describe.each(databaseKinds)('employer API on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApiDeps;
  let keyA: string;
  let keyB: string;
  let actorA: EmployerActor;
  let workplaceA: string;
  let workplaceB: string;

  const call = async (
    handler: (request: Request) => Promise<Response>,
    method: string,
    url: string,
    key: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> => {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    if (key) headers.set('Authorization', `Bearer ${key}`);
    const request = new Request(`http://localhost${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const response = await handler(request);
    // Every answer, good or bad, must be what the document promises.
    const json = await assertConforms(document, method, url, response);
    return { status: response.status, body: json };
  };

  const slotBody = (workplaceId: string, overrides: Record<string, unknown> = {}) => ({
    type: 'praktik',
    workplaceId,
    title: 'Lagermedhjælper',
    mustSkills: [skill],
    positions: 1,
    startDate: '2027-01-04',
    weeks: 8,
    hoursPerWeek: 20,
    ...overrides,
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await loadReferenceData(database.db);
    await loadTaxonomy(database.db, getTaxonomy());
    deps = { db: database.db, clock: () => NOW, logger: pino({ level: 'silent' }) };
    const auth = createAuth(database.db, { secureCookies: false });
    const a = await signUpCompany({ db: database.db, auth }, company(1, '13748136'), 'da');
    const b = await signUpCompany({ db: database.db, auth }, company(2, '10150817'), 'da');
    actorA = { organisationId: a.organisationId, userId: a.userId };
    const actorB = { organisationId: b.organisationId, userId: b.userId };
    keyA = (await createApiKey(deps, actorA, { name: 'A' })).secret;
    keyB = (await createApiKey(deps, actorB, { name: 'B' })).secret;
    workplaceA = (await listWorkplaces(deps, actorA))[0]!.id;
    workplaceB = (await listWorkplaces(deps, actorB))[0]!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('creates, reads, lists, updates, publishes and closes a slot', async () => {
    const created = await call((r) => createSlotResponse(deps, r), 'POST', '/api/v1/slots', keyA, slotBody(workplaceA));
    expect(created).toMatchObject({ status: 201, body: { status: 'draft', visibility: 'draft', mustSkills: [skill] } });
    const id = (created.body as { id: string }).id;
    expect(await call((r) => readSlotResponse(deps, r, { slotId: id }), 'GET', `/api/v1/slots/${id}`, keyA)).toMatchObject({
      status: 200,
      body: { id },
    });
    const list = await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots?status=draft', keyA);
    expect(list.body).toEqual({ slots: [expect.objectContaining({ id })] });
    const updated = await call(
      (r) => updateSlotResponse(deps, r, { slotId: id }),
      'PUT',
      `/api/v1/slots/${id}`,
      keyA,
      slotBody(workplaceA, { title: 'Pakkemedarbejder' }),
    );
    expect(updated).toMatchObject({ status: 200, body: { title: 'Pakkemedarbejder' } });
    const published = await call((r) => slotTransitionResponse(deps, r, { slotId: id }, 'publish'), 'POST', `/api/v1/slots/${id}/publish`, keyA);
    expect(published).toMatchObject({ status: 200, body: { status: 'published', visibility: 'waiting_for_verification' } });
    // 5 employees allow one supported person: a second praktik cannot be published.
    const second = await call((r) => createSlotResponse(deps, r), 'POST', '/api/v1/slots', keyA, slotBody(workplaceA));
    expect(second).toMatchObject({ status: 422, body: { error: { code: 'rule_violation', details: { rule: 'ratio_rule', capacity: 1, used: 1 } } } });
    const closed = await call((r) => slotTransitionResponse(deps, r, { slotId: id }, 'close'), 'POST', `/api/v1/slots/${id}/close`, keyA);
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed' } });
    const again = await call((r) => slotTransitionResponse(deps, r, { slotId: id }, 'publish'), 'POST', `/api/v1/slots/${id}/publish`, keyA);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  it('answers 400 with every bad field path, and saves nothing', async () => {
    const before = await database.db.selectFrom('slots').select('id').execute();
    const bad = await call((r) => createSlotResponse(deps, r), 'POST', '/api/v1/slots', keyA, {
      ...slotBody(workplaceA, { type: 'igu', weeks: 52, hoursPerWeek: 20, positions: 0, startDate: 'tomorrow' }),
      mustSkills: ['nope'],
      title: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'invalid_input',
        details: {
          title: ['Fill in this field.'],
          positions: [expect.stringContaining('1 to 100')],
          startDate: [expect.stringContaining('YYYY-MM-DD')],
          'mustSkills.0': ['Pick the skill from the list.'],
        },
      },
    });
    const malformed = await call((r) => createSlotResponse(deps, r), 'POST', '/api/v1/slots', keyA, '{not json');
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    const rules = await call(
      (r) => createSlotResponse(deps, r),
      'POST',
      '/api/v1/slots',
      keyA,
      slotBody(workplaceA, { type: 'igu', weeks: 52, hoursPerWeek: 20 }),
    );
    expect(rules).toMatchObject({
      status: 400,
      body: {
        error: {
          details: {
            weeks: [expect.stringContaining('104 weeks')],
            hoursPerWeek: [expect.stringContaining('25 hours')],
            payBasis: [expect.any(String)],
          },
        },
      },
    });
    expect(await database.db.selectFrom('slots').select('id').execute()).toHaveLength(before.length);
  });

  it('a key only ever sees its own organisation', async () => {
    const own = await call((r) => createSlotResponse(deps, r), 'POST', '/api/v1/slots', keyB, slotBody(workplaceB));
    const id = (own.body as { id: string }).id;
    expect((await call((r) => readSlotResponse(deps, r, { slotId: id }), 'GET', `/api/v1/slots/${id}`, keyA)).status).toBe(404);
    expect((await call((r) => updateSlotResponse(deps, r, { slotId: id }), 'PUT', `/api/v1/slots/${id}`, keyA, slotBody(workplaceA))).status).toBe(
      404,
    );
    expect((await call((r) => slotTransitionResponse(deps, r, { slotId: id }, 'close'), 'POST', `/api/v1/slots/${id}/close`, keyA)).status).toBe(404);
    const listA = await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots', keyA);
    expect(JSON.stringify(listA.body)).not.toContain(id);
    // Nor may it use another company's workplace.
    const foreign = await call((r) => createSlotResponse(deps, r), 'POST', '/api/v1/slots', keyA, slotBody(workplaceB));
    expect(foreign).toMatchObject({ status: 400, body: { error: { details: { workplaceId: [expect.any(String)] } } } });
  });

  it('answers 401 without a valid key, and after the key is revoked', async () => {
    expect((await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots', null)).status).toBe(401);
    expect((await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots', 'jbk_wrong')).status).toBe(401);
    const { key, secret } = await createApiKey(deps, actorA, { name: 'short-lived' });
    expect((await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots', secret)).status).toBe(200);
    await revokeApiKey(deps, actorA, key.id);
    expect((await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots', secret)).status).toBe(401);
  });

  it('answers 400 for a bad query and 404 for an unknown id', async () => {
    expect((await call((r) => listSlotsResponse(deps, r), 'GET', '/api/v1/slots?limit=0', keyA)).status).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call((r) => readSlotResponse(deps, r, { slotId: missing }), 'GET', `/api/v1/slots/${missing}`, keyA)).status).toBe(404);
  });
});
