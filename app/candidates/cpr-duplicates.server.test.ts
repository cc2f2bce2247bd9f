/**
 * Issue 21.15: a CPR number registered at another jobcentre is not
 * announced to the consultant; it is flagged for both jobcentres to resolve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { Conflict, NotFound } from '../lib/errors.js';
import { listCprDuplicates, settleCprDuplicate } from './cpr-duplicates.server.js';
import { createMailboxMailer } from '../mail/mailer.server.js';
import { CPR_ERRORS, createCprCipher } from './cpr.server.js';
import { inviteCandidate } from './invite.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const cipher = createCprCipher('6f'.repeat(32));

describe.each(databaseKinds)('CPR duplicates across jobcentres on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;
  let aabenraa: { id: string; role: 'consultant'; jobcentreId: string };
  let aarhus: { id: string; role: 'consultant'; jobcentreId: string };
  const deps = () => ({ db: database.db, clock, mailer: createMailboxMailer(database.db), baseUrl: 'http://jobbro.test', cprCipher: cipher });
  const person = (email: string, cpr: string) => ({
    fullName: 'Rami Double',
    email,
    birthDate: '1990-01-01',
    arrivalDate: '2023-01-01',
    residenceBasis: 'refugee' as const,
    postalCode: '6200',
    locale: 'da' as const,
    cpr,
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const rng = seededRng(9, 'cpr-dup');
    const a = await insertUser(database.db, buildUser(rng, { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }));
    const b = await insertUser(database.db, buildUser(rng, { role: 'consultant', jobcentre_id: world.jobcentres.aarhus.id }));
    aabenraa = { id: a.id, role: 'consultant', jobcentreId: world.jobcentres.aabenraa.id };
    aarhus = { id: b.id, role: 'consultant', jobcentreId: world.jobcentres.aarhus.id };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('the same CPR at another jobcentre: the candidate is created as usual, and the pair is flagged for both jobcentres', async () => {
    const first = await inviteCandidate(deps(), aabenraa, person('rami.1@example.org', '010190-1234'));
    const second = await inviteCandidate(deps(), aarhus, person('rami.2@example.org', '0101901234'));
    // The consultant's answer is the same as for any new candidate: nothing says the number is known elsewhere.
    expect(second).toMatchObject({ maskedCpr: '010190-••••' });
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    const flags = await database.db.selectFrom('cpr_duplicate_flags').select(['candidate_id', 'other_candidate_id', 'resolved_at']).execute();
    expect(flags).toEqual([{ candidate_id: second.candidateId, other_candidate_id: first.candidateId, resolved_at: null }]);
  });

  it('the same CPR twice at one jobcentre is still refused: the consultant knows their own candidates', async () => {
    const refused = await inviteCandidate(deps(), aabenraa, person('rami.3@example.org', '010190-1234')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Conflict);
    expect(refused instanceof Conflict && refused.message).toBe(CPR_ERRORS.duplicate);
  });

  it('each jobcentre sees the open case with its own candidate and only the other jobcentre’s name; either settles it', async () => {
    const ours = await listCprDuplicates({ db: database.db }, aabenraa);
    const theirs = await listCprDuplicates({ db: database.db }, aarhus);
    expect(ours).toEqual([expect.objectContaining({ own_candidate_name: 'Rami Double', other_jobcentre_name: world.jobcentres.aarhus.name })]);
    expect(theirs).toEqual([expect.objectContaining({ own_candidate_name: 'Rami Double', other_jobcentre_name: world.jobcentres.aabenraa.name })]);
    expect(ours[0]?.own_candidate_id).not.toBe(theirs[0]?.own_candidate_id);
    const soenderborgRow = await insertUser(
      database.db,
      buildUser(seededRng(10, 'cpr-dup'), { role: 'consultant', jobcentre_id: world.jobcentres.soenderborg.id }),
    );
    const bystander = { id: soenderborgRow.id, role: 'consultant' as const, jobcentreId: world.jobcentres.soenderborg.id };
    expect(await listCprDuplicates({ db: database.db }, bystander)).toEqual([]);
    await expect(settleCprDuplicate({ db: database.db, clock }, bystander, ours[0]?.id ?? '')).rejects.toBeInstanceOf(NotFound);
    await settleCprDuplicate({ db: database.db, clock }, aarhus, theirs[0]?.id ?? '');
    expect(await listCprDuplicates({ db: database.db }, aabenraa)).toEqual([]);
  });
});
