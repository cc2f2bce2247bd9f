import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { createAuth } from '../auth/lucia.server.js';
import { verifyPassword } from '../auth/password.server.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { listMailbox } from '../mail/mailer.server.js';
import { deliverQueuedMail } from '../../tests/setup/mailbox.js';
import { acceptInvitation, findOpenInvitation, inviteCandidate } from './invite.server.js';
import { registerCandidate } from './register.server.js';
import { setSharing, sharingOverview } from './sharing.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

describe.each(databaseKinds)('accounts and sharing on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;
  let consultant: { id: string; role: 'consultant'; jobcentreId: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const user = await insertUser(database.db, buildUser(seededRng(1, 'acc'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }));
    consultant = { id: user.id, role: 'consultant', jobcentreId: world.jobcentres.aabenraa.id };
  });
  afterAll(async () => {
    await database?.close();
  });

  const person = {
    fullName: 'Yusuf Haddad',
    email: 'Yusuf@Example.org',
    birthDate: '1995-02-02',
    arrivalDate: '2024-06-01',
    residenceBasis: 'refugee' as const,
    postalCode: '6200',
    locale: 'ar' as const,
  };

  it('a consultant invites a candidate: mail lands in the local mailbox; the paper code sets the password once', async () => {
    const deps = { db: database.db, clock, baseUrl: 'http://localhost:3000' };
    const invitation = await inviteCandidate(deps, consultant, person);
    expect(invitation.code).toMatch(/^[A-Z2-9]{8}$/);
    // Queued with the candidate; the delivery worker sends it after commit.
    expect(await listMailbox({ db: database.db })).toHaveLength(0);
    expect(await deliverQueuedMail(database.db, { now: clock(), baseUrl: 'http://localhost:3000' })).toBe(1);
    const [mail] = await listMailbox({ db: database.db });
    expect(mail?.to_address).toBe('yusuf@example.org');
    expect(mail?.text_body).toContain(invitation.link);
    expect(mail?.text_body).toContain(invitation.code);
    // Only hashes are stored.
    const stored = await database.db.selectFrom('candidate_invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(invitation.code);

    await expect(inviteCandidate(deps, consultant, person)).rejects.toBeInstanceOf(Conflict);
    await expect(inviteCandidate(deps, { ...consultant, role: 'employer' }, person)).rejects.toBeInstanceOf(Forbidden);

    const typed = `${invitation.code.slice(0, 4).toLowerCase()}-${invitation.code.slice(4)}`;
    expect(await findOpenInvitation(deps, typed)).toEqual({ name: 'Yusuf Haddad', email: 'yusuf@example.org' });
    const auth = createAuth(database.db, { secureCookies: false });
    await expect(acceptInvitation({ db: database.db, auth, clock }, { tokenOrCode: typed, password: 'short' })).rejects.toBeInstanceOf(InvalidInput);
    const { cookie } = await acceptInvitation({ db: database.db, auth, clock }, { tokenOrCode: typed, password: 'a-long-password-1' });
    expect(cookie).toContain('jobbro_session=');
    const user = await database.db.selectFrom('users').select('password_hash').where('email', '=', 'yusuf@example.org').executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash ?? '', 'a-long-password-1')).toBe(true);
    await expect(acceptInvitation({ db: database.db, auth, clock }, { tokenOrCode: typed, password: 'another-password' })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('self-registration creates a pending candidate at the jobcentre of their municipality', async () => {
    const answer = await registerCandidate(
      { db: database.db, clock },
      { ...person, email: 'hyf@example.org', postalCode: '6400', password: 'hyf-student-2026' },
    );
    expect(answer).toEqual({ email: 'hyf@example.org' });
    const row = await database.db
      .selectFrom('candidates')
      .select(['status', 'jobcentre_id', 'confirmed_at'])
      .where('email', '=', 'hyf@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', jobcentre_id: world.jobcentres.soenderborg.id, confirmed_at: null });
    // The welcome mail names the jobcentre that confirms them, in their language (Arabic here).
    await deliverQueuedMail(database.db, { now: clock(), baseUrl: 'http://jobbro.test' });
    const welcome = (await listMailbox({ db: database.db })).find((mail) => mail.to_address === 'hyf@example.org');
    expect(welcome?.text_body).toContain(world.jobcentres.soenderborg.name);
    expect(welcome?.subject).toBe('مرحبًا بك في Jobbro');
    await expect(
      registerCandidate({ db: database.db, clock }, { ...person, email: 'x@example.org', postalCode: '0001', password: 'hyf-student-2026' }),
    ).rejects.toBeInstanceOf(InvalidInput);
  });

  it('sharing is per approved slot, revocable, and recorded with time and actor', async () => {
    const user = await insertUser(database.db, buildUser(seededRng(2, 'share'), { role: 'candidate' }));
    await database.db.updateTable('candidates').set({ user_id: user.id }).where('id', '=', world.people.ok.id).execute();
    const me = { id: user.id, role: 'candidate' as const };
    const deps = { db: database.db, clock };
    await expect(setSharing(deps, me, { slotId: world.slots.igu.id, share: true })).rejects.toBeInstanceOf(NotFound);
    await database.db
      .insertInto('match_proposals')
      .values({
        slot_id: world.slots.igu.id,
        candidate_id: world.people.ok.id,
        status: 'approved',
        decided_at: new Date(),
        decided_by: consultant.id,
      })
      .execute();
    expect((await sharingOverview(deps, me)).slots.map((s) => [s.slot_id, s.shared])).toEqual([[world.slots.igu.id, false]]);
    await setSharing(deps, me, { slotId: world.slots.igu.id, share: true });
    expect((await sharingOverview(deps, me)).slots[0]?.shared).toBe(true);
    await setSharing(deps, me, { slotId: world.slots.igu.id, share: false });
    expect((await sharingOverview(deps, me)).slots[0]?.shared).toBe(false);
    const history = await database.db
      .selectFrom('consents')
      .select(['granted', 'recorded_by', 'revoked_at'])
      .where('candidate_id', '=', world.people.ok.id)
      .orderBy('recorded_at')
      .orderBy('granted', 'desc')
      .execute();
    expect(history.map((c) => [c.granted, c.recorded_by, c.revoked_at !== null])).toEqual([
      [true, user.id, true],
      [false, user.id, false],
    ]);
    await database.db
      .insertInto('profile_views')
      .values({ candidate_id: world.people.ok.id, viewer_user_id: consultant.id, jobcentre_id: consultant.jobcentreId })
      .execute();
    const { views } = await sharingOverview(deps, me);
    expect(views.map((v) => v.jobcentre_name)).toEqual([world.jobcentres.aabenraa.name]);
  });
});
