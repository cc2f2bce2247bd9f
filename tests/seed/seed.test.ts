import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../setup/database.js';
import { hashPassword, verifyPassword } from '../../app/auth/password.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { addLoadTestLogins, jobcentreCandidateEmail, jobcentreConsultantEmail } from '../../db/seed/load-test-logins.js';
import { DEMO_EMAILS, DEMO_PASSWORD, seedDatabase, SOUTHERN_NETWORK, type SeedSummary } from '../../db/seed/seed.js';

const today = '2026-11-24';
const fromApp = { hashPassword, taxonomy: getTaxonomy() };

describe.each(databaseKinds)('seedDatabase (%s)', (kind) => {
  let database: TestDatabase;
  let first: SeedSummary;
  let second: SeedSummary;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    first = await seedDatabase(database.db, { ...fromApp, demo: true, candidates: 120, slots: 40, today });
    second = await seedDatabase(database.db, { ...fromApp, demo: true, candidates: 120, slots: 40, today });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('creates data once; a second run finds it all in place', () => {
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.counts).toEqual(first.counts);
    expect(first.counts.municipalities).toBe(98);
    expect(first.counts.jobcentres).toBe(98);
    // 121 seeded now, and 72 whose year of history db/seed/history.ts writes (24 in each of three jobcentres).
    expect(first.counts.candidates).toBe(121 + 72);
    expect(first.counts.users).toBe(4);
    expect(first.counts.organisations).toBeGreaterThan(10);
  });

  it('creates the demo users with their roles, password and links', async () => {
    const { db } = database;
    const users = await db
      .selectFrom('users')
      .leftJoin('jobcentres', 'jobcentres.id', 'users.jobcentre_id')
      .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.email', 'users.role', 'users.password_hash', 'jobcentres.municipality_code', 'organisations.status'])
      .orderBy('users.email')
      .execute();
    expect(users.map((u) => [u.email, u.role])).toEqual([
      [DEMO_EMAILS.admin, 'admin'],
      [DEMO_EMAILS.candidate, 'candidate'],
      [DEMO_EMAILS.consultant, 'consultant'],
      [DEMO_EMAILS.employer, 'employer'],
    ]);
    expect(await verifyPassword(users[0].password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(users.find((u) => u.role === 'consultant')?.municipality_code).toBe('580');
    expect(users.find((u) => u.role === 'employer')?.status).toBe('verified');

    const candidateUser = users.find((u) => u.role === 'candidate');
    const candidate = await db
      .selectFrom('candidates')
      .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
      .select([
        'candidates.id',
        'candidates.status',
        'candidates.danish_programme',
        'candidates.danish_module',
        'candidates.danish_spoken',
        'jobcentres.municipality_code',
      ])
      .where('candidates.user_id', '=', candidateUser?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(candidate).toMatchObject({ status: 'active', danish_programme: 'DU2', danish_module: 3, danish_spoken: 'A2', municipality_code: '580' });
    const skills = await db.selectFrom('candidate_skills').select('skill_uri').where('candidate_id', '=', candidate.id).execute();
    expect(skills.length).toBeGreaterThan(0);
  });

  it("puts the consultant's jobcentre in the southern network with its four members", async () => {
    const members = await database.db
      .selectFrom('jobcentre_network_members as m')
      .innerJoin('jobcentre_networks as n', 'n.id', 'm.network_id')
      .innerJoin('jobcentres as j', 'j.id', 'm.jobcentre_id')
      .select(['j.municipality_code', 'j.name'])
      .where('n.name', '=', SOUTHERN_NETWORK.name)
      .orderBy('j.municipality_code')
      .execute();
    expect(members.map((m) => m.municipality_code)).toEqual(['510', '540', '550', '580']);
    expect(members.map((m) => m.name)).toContain('Jobcenter Aabenraa');
  });

  it('makes every slot respect its scheme and start after today', async () => {
    const slots = await database.db.selectFrom('slots').select(['type', 'weeks', 'hours_per_week', 'start_date', 'status']).execute();
    expect(slots.filter((s) => s.status === 'published').length).toBeGreaterThanOrEqual(40);
    for (const slot of slots) {
      if (slot.type === 'igu') {
        expect(slot.weeks).toBe(104);
        expect(Number(slot.hours_per_week)).toBeGreaterThanOrEqual(25);
      } else if (slot.type === 'praktik') {
        expect(slot.weeks).toBeLessThanOrEqual(13);
      } else {
        expect(slot.weeks).toBeLessThanOrEqual(52);
      }
      // The history's slots were filled in the past year; every other slot starts ahead.
      if (slot.status !== 'filled') expect(slot.start_date > today).toBe(true);
    }
  });

  it('spreads candidates over jobcentres with weight on the south, with varied Danish and languages', async () => {
    const { db } = database;
    const south = await db
      .selectFrom('candidates')
      .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('jobcentres.municipality_code', 'in', [...SOUTHERN_NETWORK.municipalities])
      .executeTakeFirstOrThrow();
    expect(Number(south.n)).toBeGreaterThan(15);
    const programmes = await db.selectFrom('candidates').select('danish_programme').distinct().execute();
    expect(programmes.length).toBeGreaterThanOrEqual(3);
    const tongues = await db.selectFrom('candidate_languages').select('code').where('is_mother_tongue', '=', true).distinct().execute();
    expect(tongues.map((t) => t.code)).toEqual(expect.arrayContaining(['ar', 'ti', 'uk']));
  });

  it('is deterministic for the same seed and date', async () => {
    const other = await createTestDatabase(kind);
    try {
      await seedDatabase(other.db, { ...fromApp, demo: false, demoData: true, candidates: 20, slots: 10, today });
      const names = await other.db
        .selectFrom('candidates')
        .select(['email', 'full_name', 'birth_date'])
        .where('email', 'is not', null)
        .orderBy('email')
        .execute();
      const mine = await database.db
        .selectFrom('candidates')
        .select(['email', 'full_name', 'birth_date'])
        .where(
          'email',
          'in',
          names.map((n) => n.email ?? ''),
        )
        .orderBy('email')
        .execute();
      expect(mine).toEqual(names);
      const cvrs = await other.db.selectFrom('organisations').select('cvr').orderBy('cvr').execute();
      const mineCvrs = await database.db
        .selectFrom('organisations')
        .select('cvr')
        .where(
          'cvr',
          'in',
          cvrs.map((c) => c.cvr),
        )
        .execute();
      expect(mineCvrs).toHaveLength(cvrs.length);
    } finally {
      await other.close();
    }
  });

  it('adds one consultant login per jobcentre for the load test, once', async () => {
    const { db } = database;
    await addLoadTestLogins(db, { hashPassword });
    expect((await addLoadTestLogins(db, { hashPassword })).consultants).toBe(0);
    const consultants = await db
      .selectFrom('users')
      .innerJoin('jobcentres', 'jobcentres.id', 'users.jobcentre_id')
      .select(['users.email', 'users.role', 'users.password_hash', 'jobcentres.municipality_code'])
      .where('users.email', 'like', 'consultant.%')
      .execute();
    expect(consultants).toHaveLength(98);
    for (const consultant of consultants) {
      expect(consultant.email).toBe(jobcentreConsultantEmail(consultant.municipality_code));
      expect(consultant.role).toBe('consultant');
    }
    expect(await verifyPassword(consultants[0]!.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
  });

  it('gives the first active seeded candidate of each jobcentre a login for the load test, once', async () => {
    const { db } = database;
    await addLoadTestLogins(db, { hashPassword });
    const again = await addLoadTestLogins(db, { hashPassword });
    const seeded = await db
      .selectFrom('candidates')
      .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
      .select(['candidates.email', 'candidates.status', 'jobcentres.municipality_code'])
      .where('candidates.email', 'like', '%@seed.jobbro.dk')
      .orderBy('candidates.email')
      .execute();
    const expected = new Map<string, string>();
    for (const candidate of seeded) {
      if (candidate.status === 'active' && !expected.has(candidate.municipality_code))
        expected.set(candidate.municipality_code, candidate.email ?? '');
    }
    const logins = await db
      .selectFrom('users')
      .innerJoin('candidates', 'candidates.user_id', 'users.id')
      .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
      .select(['users.email as login', 'users.role', 'users.password_hash', 'candidates.email', 'jobcentres.municipality_code'])
      .where('users.email', 'like', 'candidate.%')
      .execute();
    expect(expected.size).toBeGreaterThan(10);
    expect(logins).toHaveLength(expected.size);
    for (const login of logins) {
      expect(login.login).toBe(jobcentreCandidateEmail(login.municipality_code));
      expect(login.email).toBe(expected.get(login.municipality_code));
      expect(login.role).toBe('candidate');
    }
    expect(again.candidates).toBe(0);
    expect(await verifyPassword(logins[0]!.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
  });
});
