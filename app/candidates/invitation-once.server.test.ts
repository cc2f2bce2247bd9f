/**
 * Issue 21.14: an invitation is used once, even when its link and its paper
 * code are accepted at the same moment. Run on both databases; on the
 * PostgreSQL server the two accepts really run on two connections at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { createAuth } from '../auth/lucia.server.js';
import { NotFound } from '../lib/errors.js';
import { createMailboxMailer } from '../mail/mailer.server.js';
import { acceptInvitation, inviteCandidate } from './invite.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

describe.each(databaseKinds)('an invitation is used once on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;
  let consultant: { id: string; role: 'consultant'; jobcentreId: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const user = await insertUser(database.db, buildUser(seededRng(2, 'once'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }));
    consultant = { id: user.id, role: 'consultant', jobcentreId: world.jobcentres.aabenraa.id };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('the link and the paper code accepted at the same moment: exactly one succeeds, one session exists', async () => {
    const deps = { db: database.db, clock, mailer: createMailboxMailer(database.db), baseUrl: 'http://localhost:3000' };
    const invitation = await inviteCandidate(deps, consultant, {
      fullName: 'Samir Twice',
      email: 'samir.twice@example.org',
      birthDate: '1990-04-04',
      arrivalDate: '2023-05-01',
      residenceBasis: 'refugee',
      postalCode: '6200',
      locale: 'en',
    });
    const token = invitation.link.split('/invite/')[1] ?? '';
    const auth = createAuth(database.db, { secureCookies: false });
    const accept = (tokenOrCode: string, password: string) => acceptInvitation({ db: database.db, auth, clock }, { tokenOrCode, password });
    const outcomes = await Promise.allSettled([accept(token, 'link-password-one-7'), accept(invitation.code, 'paper-password-two-8')]);
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect({ fulfilled: fulfilled.length, rejected: rejected.length }).toEqual({ fulfilled: 1, rejected: 1 });
    expect(rejected[0]?.reason).toBeInstanceOf(NotFound);
    const sessions = await database.db.selectFrom('sessions').select('id').where('user_id', '=', invitation.userId).execute();
    expect(sessions).toHaveLength(1);
  });
});
