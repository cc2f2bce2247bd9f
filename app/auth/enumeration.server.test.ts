/**
 * Issue 21.9: self-registration and colleague invitations answer the same
 * whether the e-mail has an account or not; the owner of an existing account
 * gets a mail instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld } from '../../tests/setup/test-world.js';
import { registerCandidate } from '../candidates/register.server.js';
import { inviteColleague, signUpCompany } from '../employers/organisations.server.js';
import { companySignupSchema } from '../employers/schemas.js';
import { listMailbox } from '../mail/mailer.server.js';
import { deliverQueuedMail } from '../../tests/setup/mailbox.js';
import { createAuth } from './lucia.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const person = {
  fullName: 'Hana Haddad',
  birthDate: '1995-02-02',
  arrivalDate: '2024-06-01',
  residenceBasis: 'refugee' as const,
  postalCode: '6200',
  locale: 'en' as const,
  password: 'a long unusual phrase 42',
};

describe.each(databaseKinds)('no account enumeration on %s', (kind) => {
  let database: TestDatabase;
  const deps = () => ({
    db: database.db,
    clock,
    auth: createAuth(database.db, { secureCookies: false }),
  });
  // Account mails are queued and delivered after commit; deliver them as the worker would before reading the mailbox.
  const mailsTo = async (address: string) => {
    await deliverQueuedMail(database.db, { now: clock(), baseUrl: 'http://jobbro.test' });
    return (await listMailbox({ db: database.db })).filter((mail) => mail.to_address === address);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await buildMatchingWorld(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('self-registration answers the same for a new and a taken e-mail; the owner of the taken one is told by mail', async () => {
    const fresh = await registerCandidate(deps(), { ...person, email: 'hana.new@example.org' });
    const taken = await registerCandidate(deps(), { ...person, email: 'amina@example.org' }).catch((error: unknown) => error);
    // amina@example.org is a candidate of the world, but not a user yet: make her one and try again.
    await database.db.insertInto('users').values({ email: 'owner@example.org', role: 'candidate', display_name: 'Owner', locale: 'da' }).execute();
    const existing = await registerCandidate(deps(), { ...person, email: 'owner@example.org' }).catch((error: unknown) => error);
    expect(existing).toEqual({ ...fresh, email: 'owner@example.org' });
    expect(taken).toEqual({ ...fresh, email: 'amina@example.org' });
    expect(await mailsTo('owner@example.org')).toHaveLength(1);
    expect((await mailsTo('owner@example.org'))[0]?.text_body).toContain('/forgot-password');
    // The existing account is untouched: one user, no second candidate.
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'owner@example.org').execute()).toHaveLength(1);
    expect(await database.db.selectFrom('candidates').select('id').where('email', '=', 'owner@example.org').execute()).toHaveLength(0);
  });

  it('a colleague invitation answers the same for a new and a taken e-mail; the owner is told by mail', async () => {
    const signup = companySignupSchema.parse({
      cvr: '13748136',
      companyName: 'Firma ApS',
      contactName: 'Kontakt Person',
      email: 'boss@firma.dk',
      password: 'a good long password',
      passwordRepeat: 'a good long password',
      pNumber: '1000000001',
      workplaceName: 'Afdeling',
      address: 'Storegade 1',
      postalCode: '6200',
      employeesFte: 12,
    });
    const company = await signUpCompany(deps(), signup, 'da');
    const actor = { organisationId: company.organisationId, userId: company.userId };
    const fresh = await inviteColleague(deps(), actor, { email: 'new.colleague@firma.dk' });
    const taken = await inviteColleague(deps(), actor, { email: 'owner@example.org' }).catch((error: unknown) => error);
    expect(taken).toEqual({ ...fresh, email: 'owner@example.org' });
    const invitationRows = await database.db.selectFrom('organisation_invitations').select('email').execute();
    expect(invitationRows.map((row) => row.email)).toEqual(['new.colleague@firma.dk']);
    expect((await mailsTo('new.colleague@firma.dk'))[0]?.text_body).toContain('http://jobbro.test/employer/invitation/');
    expect(await mailsTo('owner@example.org')).toHaveLength(2);
  });
});
