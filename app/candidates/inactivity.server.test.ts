import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createDocumentSources } from '../matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { processOutboxBatch } from '../../search/outbox.server.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { createAuth } from '../auth/lucia.server.js';
import { login } from '../auth/login.server.js';
import { hashPassword } from '../auth/password.server.js';
import { Conflict, Forbidden, NotFound } from '../lib/errors.js';
import { createMailboxMailer, listMailbox, type Mailer } from '../mail/mailer.server.js';
import { rematchAll, rematchForIndexChanges } from '../matching/proposals.server.js';
import { removeSkill } from './profile.server.js';
import {
  answerInactivityReview,
  flagInactiveCandidates,
  inactivityCutoff,
  listFlaggedCandidates,
  ownInactivityReview,
  reviewCandidateAsConsultant,
  startInactivityReview,
} from './inactivity.server.js';

describe('inactivityCutoff', () => {
  it('is the same instant 12 calendar months earlier, clamped to the month end', () => {
    expect(inactivityCutoff(new Date('2027-03-15T10:00:00Z')).toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(inactivityCutoff(new Date('2028-02-29T23:59:59.500Z')).toISOString()).toBe('2027-02-28T23:59:59.500Z');
  });
});

describe.each(databaseKinds)('the inactivity review on %s', (kind) => {
  const NOW = new Date('2027-03-15T10:00:00Z');
  let now = NOW;
  const clock = () => now;
  let database: TestDatabase;
  let world: MatchingWorld;
  let search: SearchEngine;
  let consultant: { id: string; role: 'consultant'; jobcentreId: string };
  let otherConsultant: { id: string; role: 'consultant'; jobcentreId: string };
  let amina: { id: string; role: 'candidate' };

  const setLastActive = (candidateId: string, at: string) =>
    database.db
      .updateTable('candidates')
      .set({ last_active_at: new Date(at) })
      .where('id', '=', candidateId)
      .execute();
  const stateOf = (candidateId: string) =>
    database.db
      .selectFrom('candidates')
      .select(['status', 'inactivity_flagged_at', 'inactivity_mailed_at', 'last_active_at', 'archived_at'])
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
  const run = (mailer: Mailer = createMailboxMailer(database.db)) => flagInactiveCandidates({ db: database.db, mailer, clock });
  const drainOutbox = async () => {
    const sources = createDocumentSources({ clock });
    for (;;) {
      const { processed } = await processOutboxBatch({
        db: database.db,
        search,
        sources,
        onApplied: (changes) => rematchForIndexChanges({ db: database.db, search, clock }, changes),
      });
      if (processed === 0) return;
    }
  };
  const matcherProposalsOf = async (candidateId: string) =>
    (await database.db.selectFrom('match_proposals').select('id').where('candidate_id', '=', candidateId).where('source', '=', 'matcher').execute())
      .length;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    world = await buildMatchingWorld(db);
    const rng = seededRng(3, 'inactivity');
    consultant = {
      id: (await insertUser(db, buildUser(rng, { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }))).id,
      role: 'consultant',
      jobcentreId: world.jobcentres.aabenraa.id,
    };
    otherConsultant = {
      id: (await insertUser(db, buildUser(rng, { role: 'consultant', jobcentre_id: world.jobcentres.aarhus.id }))).id,
      role: 'consultant',
      jobcentreId: world.jobcentres.aarhus.id,
    };
    const aminaUser = await insertUser(
      db,
      buildUser(rng, { role: 'candidate', email: 'amina.login@example.org', password_hash: await hashPassword('amina-password-1') }),
    );
    await db.updateTable('candidates').set({ user_id: aminaUser.id }).where('id', '=', world.people.ok.id).execute();
    await db.updateTable('candidates').set({ email: 'lina@example.org' }).where('id', '=', world.people.late.id).execute();
    amina = { id: aminaUser.id, role: 'candidate' };
    // Everyone was active recently, except the people each test sets back.
    await db
      .updateTable('candidates')
      .set({ last_active_at: new Date('2027-03-01T00:00:00Z') })
      .execute();
    search = createEmbeddedEngine();
    await reindex({ db, search, sources: createDocumentSources({ clock }) });
    await rematchAll({ db, search, clock });
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('flags exactly 12 months after the last activity, not a day earlier, and never a pending candidate', async () => {
    const { people } = world;
    await setLastActive(people.ok.id, '2026-03-15T10:00:00Z'); // exactly 12 months
    await setLastActive(people.late.id, '2026-03-16T10:00:00Z'); // 12 months minus one day
    await setLastActive(people.pending.id, '2020-01-01T00:00:00Z'); // long ago, but never confirmed by the jobcentre
    expect(await run()).toEqual({ flagged: 1, mailed: 1, failed: 0 });
    expect((await stateOf(people.ok.id)).inactivity_flagged_at?.toISOString()).toBe(NOW.toISOString());
    expect((await stateOf(people.late.id)).inactivity_flagged_at).toBeNull();
    expect((await stateOf(people.pending.id)).inactivity_flagged_at).toBeNull();

    const mails = await listMailbox({ db: database.db });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'amina@example.org', subject: 'Søger du stadig arbejde?' });
    expect(mails[0]?.text_body).toContain('Amina Okay');
  });

  it('is idempotent: a second run the same day flags and mails nobody', async () => {
    expect(await run()).toEqual({ flagged: 0, mailed: 0, failed: 0 });
    expect(await listMailbox({ db: database.db })).toHaveLength(1);
  });

  it('retries a mail that failed on the next run, and sends it once', async () => {
    now = new Date('2027-03-16T10:00:00Z');
    const failing: Mailer = { kind: 'smtp', send: async () => Promise.reject(new Error('SMTP down')) };
    expect(await run(failing)).toEqual({ flagged: 1, mailed: 0, failed: 1 }); // Lina's day has come
    expect((await stateOf(world.people.late.id)).inactivity_mailed_at).toBeNull();
    expect(await run()).toEqual({ flagged: 0, mailed: 1, failed: 0 });
    expect(await run()).toEqual({ flagged: 0, mailed: 0, failed: 0 });
    expect((await listMailbox({ db: database.db })).filter((mail) => mail.subject === 'Søger du stadig arbejde?')).toHaveLength(2);
  });

  it('lists flagged candidates to consultants of their own jobcentre only, with days since flagged', async () => {
    now = new Date('2027-03-18T08:00:00Z');
    const listed = await listFlaggedCandidates({ db: database.db, clock, cprCipher: null }, consultant);
    expect(listed.map((row) => [row.name, row.daysFlagged, row.mailed, row.flaggedOn])).toEqual([
      ['Amina Okay', 3, true, '2027-03-15'],
      ['Lina Later', 2, true, '2027-03-16'],
    ]);
    expect(await listFlaggedCandidates({ db: database.db, clock, cprCipher: null }, otherConsultant)).toEqual([]);
    await expect(
      listFlaggedCandidates({ db: database.db, clock, cprCipher: null }, { id: amina.id, role: 'candidate', jobcentreId: null }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('a consultant of another jobcentre can neither confirm nor archive', async () => {
    const before = await stateOf(world.people.late.id);
    for (const answer of ['stillLooking', 'archive'] as const) {
      await expect(
        reviewCandidateAsConsultant({ db: database.db, clock }, otherConsultant, { candidateId: world.people.late.id, answer }),
      ).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(
      reviewCandidateAsConsultant({ db: database.db, clock }, consultant, { candidateId: '00000000-0000-4000-8000-000000000000', answer: 'archive' }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await stateOf(world.people.late.id)).toEqual(before);
  });

  it('confirming clears the flag and starts the 12 months again', async () => {
    await reviewCandidateAsConsultant({ db: database.db, clock }, consultant, { candidateId: world.people.late.id, answer: 'stillLooking' });
    const state = await stateOf(world.people.late.id);
    expect(state).toMatchObject({ status: 'active', inactivity_flagged_at: null, inactivity_mailed_at: null });
    expect(state.last_active_at.toISOString()).toBe(now.toISOString());
    expect(await run()).toEqual({ flagged: 0, mailed: 0, failed: 0 });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('subject_id', '=', world.people.late.id)
      .execute();
    expect(audit).toEqual([{ action: 'candidate.review.confirm', actor_user_id: consultant.id }]);
  });

  it('archiving takes the candidate out of the index once the outbox drains, and out of match proposals; logging in and confirming brings them back', async () => {
    const id = world.people.ok.id;
    await drainOutbox();
    expect(await search.get('candidates', id)).not.toBeNull();
    expect(await matcherProposalsOf(id)).toBeGreaterThan(0);
    expect(await ownInactivityReview(database, amina)).toEqual({ state: 'flagged' });

    await answerInactivityReview({ db: database.db, clock }, amina, 'archive');
    expect(await stateOf(id)).toMatchObject({ status: 'archived', inactivity_flagged_at: null });
    expect(await search.get('candidates', id)).not.toBeNull(); // not until the outbox is applied
    await drainOutbox();
    expect(await search.get('candidates', id)).toBeNull();
    expect(await matcherProposalsOf(id)).toBe(0);
    expect(await ownInactivityReview(database, amina)).toEqual({ state: 'archived' });
    await expect(answerInactivityReview({ db: database.db, clock }, amina, 'archive')).rejects.toBeInstanceOf(Conflict);
    // Archived profiles are not flagged again, however long they rest.
    now = new Date('2029-01-01T00:00:00Z');
    await run();
    expect((await stateOf(id)).inactivity_flagged_at).toBeNull();

    // Logging in records activity (on the real clock) but does not reactivate by itself.
    await setLastActive(id, '2020-01-01T00:00:00Z');
    const auth = createAuth(database.db, { secureCookies: false });
    await login({ db: database.db, auth }, { email: 'amina.login@example.org', password: 'amina-password-1' });
    const afterLogin = await stateOf(id);
    expect(afterLogin.status).toBe('archived');
    expect(afterLogin.last_active_at.getTime()).toBeGreaterThan(new Date('2020-01-01T00:00:00Z').getTime());

    await answerInactivityReview({ db: database.db, clock }, amina, 'stillLooking');
    expect(await stateOf(id)).toMatchObject({ status: 'active', archived_at: null });
    await drainOutbox();
    expect(await search.get('candidates', id)).not.toBeNull();
    expect(await ownInactivityReview(database, amina)).toEqual({ state: 'none' });
  });

  it('a profile save records activity', async () => {
    now = new Date('2029-02-01T12:00:00Z');
    await removeSkill({ db: database.db, clock }, amina, { skill: world.skills.floors });
    expect((await stateOf(world.people.ok.id)).last_active_at.toISOString()).toBe(now.toISOString());
  });

  it('runs once at start and stops cleanly', async () => {
    now = new Date('2031-01-01T00:00:00Z');
    await database.db
      .updateTable('candidates')
      .set({ inactivity_flagged_at: null, inactivity_mailed_at: null, last_active_at: new Date('2029-06-01T00:00:00Z') })
      .where('id', '=', world.people.noDanish.id)
      .execute();
    const messages: string[] = [];
    const logger = {
      info: (_obj: object, msg: string) => void messages.push(msg),
      warn: (_obj: object, msg: string) => void messages.push(`warn: ${msg}`),
    };
    const schedule = startInactivityReview({ db: database.db, mailer: createMailboxMailer(database.db), clock, logger, intervalMs: 60_000 });
    for (let i = 0; i < 200 && messages.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await schedule.stop();
    expect(messages).toEqual(['inactivity review']);
    expect((await stateOf(world.people.noDanish.id)).inactivity_flagged_at?.toISOString()).toBe(now.toISOString());
  });
});
