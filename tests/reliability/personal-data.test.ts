/**
 * Personal data stays out of the search index and out of the logs.
 *
 * Index: a candidate with a distinctive name, e-mail, phone, nationality,
 * education, free-text note and CPR is indexed through the real code path
 * (app/matching/documents/* via reindex, then a profile save through the outbox);
 * every document is read back from the engine — the embedded one always,
 * Meilisearch when MEILI_HOST is set — and must hold none of those values
 * and no field named like them.
 *
 * Logs: the real server (server-build/index.js, the production build) runs in a
 * child process at LOG_LEVEL=debug while we log in with a password (wrong,
 * then right), save a profile note, register a candidate with a CPR, reject
 * a proposal with a note, call the API, and send personal data in query
 * strings. No log line may contain any of it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { createCprCipher, storeCandidateCpr } from '../../app/candidates/cpr.server.js';
import { saveAmbitions } from '../../app/candidates/profile.server.js';
import { createApiKey } from '../../app/employers/api-keys.server.js';
import { openDatabase, type Database } from '../../db/client.server.js';
import { migrateToLatest } from '../../db/migrate.server.js';
import { upsertMatcherProposals } from '../../db/queries/proposals.js';
import type { DB } from '../../db/schema.js';
import {
  buildCandidate,
  buildOrganisation,
  buildSlot,
  buildUser,
  buildWorkplace,
  ensureJobcentre,
  insertCandidate,
  insertOrganisation,
  insertSlot,
  insertUser,
  insertWorkplace,
} from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { createRng } from '../../db/seed/random.js';
import { createDocumentSources } from '../../app/matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { createMeilisearchEngine } from '../../search/meilisearch-engine.js';
import { processOutboxBatch } from '../../search/outbox.server.js';
import { reindex } from '../../search/reindex.server.js';
import { SERVER_FILE } from '../../scripts/app-child.js';
import { BUILD_FILE } from '../setup/app-harness.js';
import { createTestDatabase, databaseKinds } from '../setup/database.js';
import { personalDataIn, personalValuesIn } from '../setup/personal-values.js';
import { browserClient as browser, startRealServer as startServer, stopped, type RealServer } from '../setup/real-server.js';
import { engineDocuments } from './index-convergence.js';

const CPR_KEY = 'a1'.repeat(32);
const PASSWORD = 'Zq-hemmeligt-kodeord-9931';

/** One person's data, distinctive enough that any copy of it is found by a substring search. */
const person = {
  fullName: 'Zenobia Quarrington',
  email: 'zenobia.quarrington@private-mail.example',
  phone: '+45 61 72 83 94',
  nationality: 'Freedonia',
  education: 'Tandlægeuddannelse fra Zqville',
  note: 'Drømmer om egen café i Tønder (zq-note-7731)',
  savedNote: 'Vil gerne arbejde med børn (zq-note-8842)',
  birthDate: '1995-03-07',
  cpr: '070395-1234',
};
/** The candidate a consultant registers over HTTP in the log test. */
const registered = { fullName: 'Olexandra Vyshnevetska', email: 'olexandra.vyshnevetska@private-mail.example', cpr: '120688-4321' };
const consultantNote = 'Samtalen viste misbrug af alkohol (zq-note-9953)';
const consultantEmail = 'konsulent.quarrington@jobcenter.example';

const personValues = [
  person.fullName,
  'Quarrington',
  person.email,
  person.phone,
  person.phone.replace(/\s/g, ''),
  person.nationality,
  person.education,
  person.note,
  person.savedNote,
  'zq-note',
  person.cpr,
  person.cpr.replace('-', ''),
];
const forbiddenFieldName = /name|e-?mail|phone|nationality|note|cpr|gender|religion|birth|address|education|password/i;

/** Every object key anywhere in a value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...keysOf(item)]);
  return [];
}

/** Which of `values` occur in `text`, case-insensitively. */
function leaked(text: string, values: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return values.filter((value) => lower.includes(value.toLowerCase()));
}

type World = {
  candidateId: string;
  candidateUserId: string;
  consultantUserId: string;
  proposalId: string;
  apiKey: string;
};

/** Reference data, a jobcentre with a consultant, a verified employer with a published slot and an API key, and the person. */
async function buildWorld(db: Kysely<DB>): Promise<World> {
  await loadReferenceData(db);
  await loadTaxonomy(db, getTaxonomy());
  const rng = createRng(77);
  const jobcentre = await ensureJobcentre(db, '580');
  const passwordHash = await hashPassword(PASSWORD);
  const consultant = await insertUser(
    db,
    buildUser(rng, { role: 'consultant', jobcentre_id: jobcentre.id, email: consultantEmail, password_hash: passwordHash }),
  );
  const candidateUser = await insertUser(
    db,
    buildUser(rng, { role: 'candidate', email: person.email, display_name: person.fullName, password_hash: passwordHash }),
  );
  const candidate = await insertCandidate(
    db,
    buildCandidate(rng, {
      jobcentre_id: jobcentre.id,
      user_id: candidateUser.id,
      status: 'active',
      confirmed_at: new Date('2026-10-01T10:00:00Z'),
      full_name: person.fullName,
      email: person.email,
      phone: person.phone,
      nationality: person.nationality,
      gender: 'female',
      education: person.education,
      ambition_note: person.note,
      birth_date: person.birthDate,
      arrival_date: '2022-05-03',
      residence_basis: 'refugee',
      available_from: '2026-12-01',
    }),
  );
  await storeCandidateCpr(db, createCprCipher(CPR_KEY), {
    candidateId: candidate.id,
    jobcentreId: candidate.jobcentre_id,
    cpr: person.cpr.replace('-', ''),
    createdBy: consultant.id,
  });

  const organisation = await insertOrganisation(db, buildOrganisation(rng, { status: 'verified' }));
  const workplace = await insertWorkplace(db, buildWorkplace(rng, { organisation_id: organisation.id, ordinary_employees_fte: 40 }));
  const employer = await insertUser(db, buildUser(rng, { role: 'employer', organisation_id: organisation.id, password_hash: passwordHash }));
  const slot = await insertSlot(
    db,
    buildSlot(rng, { organisation_id: organisation.id, workplace_id: workplace.id, status: 'published', type: 'praktik', start_date: '2027-02-01' }),
  );
  await upsertMatcherProposals(db, [{ slot_id: slot.id, candidate_id: candidate.id, score: 70, components: {}, reasons: [] }]);
  const proposal = await db.selectFrom('match_proposals').select('id').where('slot_id', '=', slot.id).executeTakeFirstOrThrow();
  const { secret } = await createApiKey({ db }, { organisationId: organisation.id, userId: employer.id }, { name: 'ATS' });
  return { candidateId: candidate.id, candidateUserId: candidateUser.id, consultantUserId: consultant.id, proposalId: proposal.id, apiKey: secret };
}

type EngineCase = { name: string; create: () => Promise<{ engine: SearchEngine; cleanup: () => Promise<void> }> };

const engineCases: EngineCase[] = [{ name: 'embedded', create: async () => ({ engine: createEmbeddedEngine(), cleanup: async () => undefined }) }];
const meiliHost = process.env.MEILI_HOST;
const meiliKey = process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY;
if (meiliHost) {
  engineCases.push({
    name: 'meilisearch',
    async create() {
      const indexPrefix = `jobbro_privacy_${randomBytes(4).toString('hex')}_`;
      const engine = createMeilisearchEngine({ host: meiliHost, apiKey: meiliKey, indexPrefix });
      return {
        engine,
        async cleanup() {
          const admin = new Meilisearch({ host: meiliHost, apiKey: meiliKey });
          for (const index of ['candidates', 'slots']) await admin.deleteIndex(`${indexPrefix}${index}`).catch(() => undefined);
          await engine.close();
        },
      };
    },
  });
}

describe.each(engineCases)('index documents on the $name engine', ({ create }) => {
  it('hold no name, contact, nationality, note, education or CPR, after a reindex and after an outbox update', async () => {
    // The index is the subject here, not the database: the quicker server when there is one.
    const database = await createTestDatabase(databaseKinds.includes('postgres') ? 'postgres' : 'pglite');
    const { engine, cleanup } = await create();
    try {
      const world = await buildWorld(database.db);
      const sources = createDocumentSources();
      await reindex({ db: database.db, search: engine, sources });
      // A profile save reaches the index through the outbox, as in the app.
      await saveAmbitions(
        { db: database.db, clock: () => new Date() },
        { id: world.candidateUserId, role: 'candidate' },
        {
          sectors: ['kitchen'],
          occupations: [],
          note: person.savedNote,
        },
      );
      expect(await processOutboxBatch({ db: database.db, search: engine, sources })).toEqual({ processed: 1, failed: 0 });

      const candidates = await engineDocuments(engine, 'candidates');
      const slots = await engineDocuments(engine, 'slots');
      // Not vacuous: the person and the slot are in the index, with the saved ambition.
      expect(candidates.get(world.candidateId)?.ambitionSectors).toEqual(['kitchen']);
      expect(slots.size).toBe(1);
      const documents = [...candidates.values(), ...slots.values()];
      expect(leaked(JSON.stringify(documents), personValues)).toEqual([]);
      expect([...new Set(keysOf(documents))].filter((key) => forbiddenFieldName.test(key))).toEqual([]);
    } finally {
      await cleanup();
      await database.close();
    }
  });
});

// ---- logs ---------------------------------------------------------------------------------

describe('logs', () => {
  let database: Database;
  let world: World;
  let server: RealServer | undefined;
  let lines: string[] = [];
  const statuses: Record<string, number> = {};
  let effects: Record<string, unknown> = {};
  /** Every name, e-mail, phone, birth date and note in the database once the requests are done. */
  let storedPersonalValues: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    if (!fs.existsSync(BUILD_FILE) || !fs.existsSync(SERVER_FILE))
      throw new Error('The build is missing: run npm run build first (npm test does it before Vitest).');
    let settings: Record<string, string>;
    if (databaseKinds.includes('postgres')) {
      const testDatabase = await createTestDatabase('postgres', { migrate: false });
      cleanups.push(() => testDatabase.close());
      database = testDatabase;
      settings = { DATABASE_URL: testDatabase.url ?? '' };
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-logs-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
      settings = { JOBBRO_DATA_DIR: dataDir };
    }
    await migrateToLatest(database.db);
    world = await buildWorld(database.db);
    // PGlite is single-process: the server opens the data directory only after we closed it.
    if (database.kind === 'pglite') await database.close();

    server = await startServer({ ...settings, JOBBRO_DEMO: '0', LOG_LEVEL: 'debug', CPR_ENCRYPTION_KEY: CPR_KEY });
    const { send } = browser(server.baseUrl);
    const consultant = browser(server.baseUrl);
    const record = async (label: string, status: Promise<number>) => {
      statuses[label] = await status;
    };
    await record(
      'login page with e-mail in the query',
      send('GET', `/login?email=${encodeURIComponent(person.email)}&name=${encodeURIComponent(person.fullName)}`),
    );
    await record('wrong password', send('POST', '/login', { email: person.email, password: `${PASSWORD}-wrong`, redirectTo: '' }));
    await record('candidate login', send('POST', '/login', { email: person.email, password: PASSWORD, redirectTo: '' }));
    await record('ambitions saved', send('POST', '/candidate/profile/ambitions', { sectors: 'kitchen', note: person.savedNote }));
    await record('consultant login', consultant.send('POST', '/login', { email: consultantEmail, password: PASSWORD, redirectTo: '' }));
    // The second time is a conflict (the CPR is already registered): its error path must not log the number either.
    const registerWithCpr = () =>
      consultant.send('POST', '/consultant/candidates/new', {
        fullName: registered.fullName,
        email: registered.email,
        birthDate: '1988-06-12',
        arrivalDate: '2022-03-01',
        residenceBasis: 'ukraine_special_law',
        postalCode: '6200',
        locale: 'uk',
        cpr: registered.cpr,
      });
    await record('candidate registered with CPR', registerWithCpr());
    await record('same candidate again (conflict)', registerWithCpr());
    await record(
      'proposal rejected with a note',
      consultant.send('POST', '/consultant', { intent: 'reject', proposalId: world.proposalId, reason: 'other', note: consultantNote }),
    );
    await record(
      'company sign-up with a taken e-mail',
      browser(server.baseUrl).send('POST', '/signup/employer', {
        cvr: '29876543',
        companyName: 'Quarrington Køkken ApS',
        contactName: person.fullName,
        email: person.email,
        phone: person.phone,
        password: PASSWORD,
        passwordRepeat: PASSWORD,
        pNumber: '1098765432',
        workplaceName: 'Køkkenet',
        address: 'Zqvej 12',
        postalCode: '6200',
        employeesFte: '12',
      }),
    );
    await record(
      'queue searched by name',
      consultant.send('GET', `/consultant?q=${encodeURIComponent(person.fullName)}&email=${encodeURIComponent(person.email)}`),
    );
    const api = await fetch(`${server.baseUrl}/api/v1/slots?status=published&email=${encodeURIComponent(person.email)}`, {
      headers: { Authorization: `Bearer ${world.apiKey}` },
    });
    statuses['API call'] = api.status;
    await api.arrayBuffer();

    server.child.kill('SIGTERM');
    await stopped(server.child);

    // What the requests changed, read once the server (and with PGlite, its hold on the data directory) is gone.
    const after =
      database.kind === 'pglite' ? await openDatabase({ kind: 'pglite', dataDir: path.join(settings.JOBBRO_DATA_DIR ?? '', 'pglite') }) : database;
    try {
      const candidate = await after.db.selectFrom('candidates').select('ambition_note').where('id', '=', world.candidateId).executeTakeFirstOrThrow();
      const proposal = await after.db
        .selectFrom('match_proposals')
        .select('decision_note')
        .where('id', '=', world.proposalId)
        .executeTakeFirstOrThrow();
      const others = await after.db.selectFrom('candidates').select('id').where('email', '=', registered.email).execute();
      effects = { savedNote: candidate.ambition_note, decisionNote: proposal.decision_note, registeredCandidates: others.length };
      storedPersonalValues = await personalValuesIn(after.db);
    } finally {
      if (after !== database) await after.close();
    }
    lines = server
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
  }, 180_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await stopped(server.child);
    }
    if (database?.kind === 'postgres') await database.close().catch(() => undefined);
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('the requests did what they should (so their logs are worth reading)', () => {
    expect(statuses).toEqual({
      'login page with e-mail in the query': 200,
      'wrong password': 400,
      'candidate login': 302,
      'ambitions saved': 302,
      'consultant login': 302,
      'candidate registered with CPR': 200,
      'same candidate again (conflict)': 409,
      'proposal rejected with a note': 200,
      'company sign-up with a taken e-mail': 400,
      'queue searched by name': 200,
      'API call': 200,
    });
    expect(effects).toEqual({ savedNote: person.savedNote, decisionNote: consultantNote, registeredCandidates: 1 });
    // A server error would be logged with its cause: none happened.
    expect(lines.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
    // One request line per request, by path.
    const paths = lines.flatMap((line) => {
      const match = /"path":"([^"]*)"/.exec(line);
      return match ? [match[1]] : [];
    });
    expect(paths).toEqual(
      expect.arrayContaining(['/login', '/candidate/profile/ambitions', '/consultant/candidates/new', '/consultant', '/api/v1/slots']),
    );
  });

  it('never contain a password, name, e-mail, phone, CPR or note text, not even from query strings', () => {
    const secrets = [
      ...personValues,
      PASSWORD,
      registered.fullName,
      'Vyshnevetska',
      registered.email,
      registered.cpr,
      registered.cpr.replace('-', ''),
      consultantNote,
      consultantEmail,
      world.apiKey,
      ...storedPersonalValues,
    ];
    expect(storedPersonalValues).toEqual(expect.arrayContaining([person.fullName, person.birthDate, registered.fullName, consultantNote]));
    expect(personalDataIn(lines, secrets)).toEqual([]);
  });
});
