/**
 * The employer API's matches endpoint against its OpenAPI document (issue
 * 21.6): with an organisation API key it answers what the slot page shows,
 * in the declared (strict) shape, and every read is logged and shown to the
 * candidate.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCandidate, ensureJobcentre, insertCandidate } from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { seededRng } from '../../db/seed/random.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { createAuth } from '../auth/lucia.server.js';
import { createApiKey } from '../employers/api-keys.server.js';
import { listWorkplaces, signUpCompany } from '../employers/organisations.server.js';
import { companySignupSchema, slotInputSchema } from '../employers/schemas.js';
import { createSlot } from '../employers/slots.server.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { slotMatchesResponse, type MatchesApiDeps } from './matches.server.js';
import { assertConforms, openApi31Problems } from './openapi-conformance.js';
import { openApiDocument } from './openapi.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const document = JSON.parse(JSON.stringify(openApiDocument()));
const skill = getTaxonomy().skills[0]!.uri;

const company = (n: number, cvr: string) =>
  companySignupSchema.parse({
    cvr,
    companyName: `Match ${n} A/S`,
    contactName: `Kontakt ${n}`,
    email: `match${n}@firma.dk`,
    password: 'a good long password',
    passwordRepeat: 'a good long password',
    pNumber: `40000000${String(n).padStart(2, '0')}`,
    workplaceName: 'Lager',
    address: 'Havnevej 2',
    postalCode: '6200',
    employeesFte: 12,
  });

describe('OpenAPI document: matches', () => {
  it('declares GET /api/v1/slots/{slotId}/matches with a strict EmployerMatch schema', () => {
    expect(openApi31Problems(document)).toEqual([]);
    expect(Object.keys(document.paths)).toContain('/api/v1/slots/{slotId}/matches');
    expect(document.components.schemas.EmployerMatch.additionalProperties).toBe(false);
    expect(Object.keys(document.components.schemas.EmployerMatch.properties).sort()).toEqual([
      'area',
      'availableFrom',
      'danishSpoken',
      'danishWritten',
      'decision',
      'hoursPerWeek',
      'reference',
      'shared',
      'skills',
    ]);
  });
});

describe.each(databaseKinds)('GET /api/v1/slots/{slotId}/matches with an API key on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let deps: MatchesApiDeps;
  let keyA: string;
  let keyB: string;
  let slotId: string;
  let candidateId: string;
  let organisationA: string;

  const call = async (key: string | null, id: string) => {
    const headers = new Headers();
    if (key) headers.set('Authorization', `Bearer ${key}`);
    const url = `/api/v1/slots/${id}/matches`;
    const response = await slotMatchesResponse(deps, new Request(`http://localhost${url}`, { headers }), { id });
    return { status: response.status, body: await assertConforms(document, 'GET', url, response) };
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await loadReferenceData(database.db);
    await loadTaxonomy(database.db, getTaxonomy());
    search = createEmbeddedEngine();
    deps = { db: database.db, search, clock: () => NOW, logger: pino({ level: 'silent' }) };
    const auth = createAuth(database.db, { secureCookies: false });
    const a = await signUpCompany({ db: database.db, auth }, company(1, '13748136'), 'da');
    const b = await signUpCompany({ db: database.db, auth }, company(2, '10150817'), 'da');
    organisationA = a.organisationId;
    const actorA = { organisationId: a.organisationId, userId: a.userId };
    keyA = (await createApiKey(deps, actorA, { name: 'A' })).secret;
    keyB = (await createApiKey(deps, { organisationId: b.organisationId, userId: b.userId }, { name: 'B' })).secret;
    const workplace = (await listWorkplaces(deps, actorA))[0]!.id;
    const slot = await createSlot(
      deps,
      actorA,
      slotInputSchema.parse({
        type: 'praktik',
        workplaceId: workplace,
        title: 'Lager',
        mustSkills: [skill],
        positions: 1,
        startDate: '2027-01-04',
        weeks: 8,
        hoursPerWeek: 20,
      }),
      { publish: true },
    );
    slotId = slot.id;
    const jobcentre = await ensureJobcentre(database.db, '580');
    const candidate = await insertCandidate(
      database.db,
      buildCandidate(
        seededRng(1, 'api-matches'),
        { jobcentre_id: jobcentre.id, status: 'active', confirmed_at: NOW, postal_code: '6200', danish_spoken: 'B1', danish_written: 'A2' },
        { today: '2026-11-24' },
      ),
    );
    candidateId = candidate.id;
    await database.db
      .insertInto('candidate_skills')
      .values({ candidate_id: candidateId, skill_uri: skill, years: 3, learned_where: 'abroad' })
      .execute();
    await database.db
      .insertInto('match_proposals')
      .values({
        slot_id: slotId,
        candidate_id: candidateId,
        score: 81,
        status: 'approved',
        decided_at: NOW,
        components: JSON.stringify({ distance: 1 }),
      })
      .execute();
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('answers the approved candidate in the documented shape, without the candidate id, and logs the read', async () => {
    const { status, body } = await call(keyA, slotId);
    expect(status).toBe(200);
    expect(JSON.stringify(body)).not.toContain(candidateId);
    expect(body).toMatchObject({ slotId, matches: [{ skills: [skill], danishSpoken: 'B1', area: 'Aabenraa', shared: null }] });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', '=', 'employer.view_candidate')
      .execute();
    expect(audit).toEqual([{ action: 'employer.view_candidate', subject_id: candidateId }]);
    // An API key is no person: the candidate sees the company.
    const views = await database.db
      .selectFrom('profile_views')
      .select(['viewer_user_id', 'organisation_id'])
      .where('candidate_id', '=', candidateId)
      .execute();
    expect(views).toEqual([{ viewer_user_id: null, organisation_id: organisationA }]);
  });

  it('refuses another organisation’s key (403), a missing key (401) and an unknown slot (404), in the documented shapes', async () => {
    expect((await call(keyB, slotId)).status).toBe(403);
    expect((await call(null, slotId)).status).toBe(401);
    expect((await call(keyA, '00000000-0000-4000-8000-00000000dead')).status).toBe(404);
  });
});
