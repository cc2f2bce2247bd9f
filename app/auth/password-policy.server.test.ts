import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { acceptInvitation, inviteCandidate } from '../candidates/invite.server.js';
import { registerCandidate } from '../candidates/register.server.js';
import { acceptInvitation as acceptEmployerInvitation, hashToken, signUpCompany } from '../employers/organisations.server.js';
import { companySignupSchema } from '../employers/schemas.js';
import { InvalidInput } from '../lib/errors.js';
import { createAuth, type Auth } from './lucia.server.js';
import { PASSWORD_LENGTH, passwordProblem } from './password-policy.server.js';

const amal = { email: 'amal.hassan@example.dk', name: 'Amal Hassan' };

describe('password policy', () => {
  it.each([
    ['123456', 'short'],
    ['Password1', 'short'],
    ['qwertyuiop', 'common'],
    ['QWERTYUIOP', 'common'],
    ['Password123', 'common'],
    ['Password1!', 'common'],
    ['1234567890', 'common'],
    ['iloveyou123', 'common'],
    ['amal.hassan@example.dk', 'personal'],
    ['Amal.Hassan@Example.dk', 'personal'],
    ['amal.hassan2026', 'personal'],
    ['AmalHassan1!', 'personal'],
    ['jobbro2026!', 'personal'],
    ['x'.repeat(PASSWORD_LENGTH.max + 1), 'long'],
    // Long enough, but a strength estimator guesses repeats at once (issue 21.13).
    ['x'.repeat(PASSWORD_LENGTH.max), 'weak'],
    ['aaaaaaaaaa', 'weak'],
  ])('refuses %s (%s)', async (password, problem) => {
    expect(await passwordProblem(password, amal)).toBe(problem);
  });

  it.each(['correct horse battery staple', 'demo-jobbro-2026', 'Æbleskiver på en søndag', 'min kat hedder Hassan og elsker fisk'])(
    'accepts %s',
    async (password) => {
      expect(await passwordProblem(password, amal)).toBeNull();
    },
  );

  it('checks the site name and the list without knowing the person', async () => {
    // The site's name twice is not the site's name, but the estimator knows both the name and the repeat.
    expect(await passwordProblem('jobbrojobbro')).toBe('weak');
    expect(await passwordProblem('Jobbro!!!!!')).toBe('personal');
    expect(await passwordProblem('football123')).toBe('common');
  });
});

describe.each(databaseKinds)('every form that sets a password refuses a common or personal one, on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;
  let auth: Auth;
  const clock = () => new Date('2026-03-01T09:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    auth = createAuth(database.db, { secureCookies: false });
  });
  afterAll(async () => database?.close());

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof InvalidInput ? error.fields : error),
    );
  const count = async (table: 'users' | 'organisations') =>
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('candidate self-registration (/register), with nothing stored', async () => {
    const person = {
      fullName: 'Hala Nasser',
      email: 'hala@example.org',
      birthDate: '1995-02-02',
      arrivalDate: '2024-06-01',
      residenceBasis: 'refugee' as const,
      postalCode: '6200',
      locale: 'ar' as const,
    };
    const users = await count('users');
    expect(await refusal(registerCandidate({ db: database.db, clock }, { ...person, password: 'qwertyuiop' }))).toEqual({
      password: ['errors.passwordCommon'],
    });
    expect(await refusal(registerCandidate({ db: database.db, clock }, { ...person, password: 'Hala@Example.org' }))).toEqual({
      password: ['errors.passwordPersonal'],
    });
    expect(await refusal(registerCandidate({ db: database.db, clock }, { ...person, password: 'x'.repeat(257) }))).toEqual({
      password: ['errors.tooLong'],
    });
    expect(await count('users')).toBe(users);
    await registerCandidate({ db: database.db, clock }, { ...person, password: 'hala-password-2026' });
    expect(await count('users')).toBe(users + 1);
  });

  it('a candidate invitation (/invite): the invitation stays usable after a refusal', async () => {
    const deps = { db: database.db, clock, baseUrl: 'http://localhost:3000' };
    const consultant = await insertUser(
      database.db,
      buildUser(seededRng(1, 'pw'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }),
    );
    const invitation = await inviteCandidate(
      deps,
      { id: consultant.id, role: 'consultant', jobcentreId: world.jobcentres.aabenraa.id },
      {
        fullName: 'Omar Saleh',
        email: 'omar@example.org',
        birthDate: '1990-01-01',
        arrivalDate: '2023-01-01',
        residenceBasis: 'refugee',
        postalCode: '6200',
        locale: 'uk',
      },
    );
    const accept = (password: string) => acceptInvitation({ db: database.db, auth, clock }, { tokenOrCode: invitation.code, password });
    expect(await refusal(accept('Password123'))).toEqual({ password: ['errors.passwordCommon'] });
    expect(await refusal(accept('omarsaleh2026'))).toEqual({ password: ['errors.passwordPersonal'] });
    await expect(accept('a long and private passphrase')).resolves.toMatchObject({ cookie: expect.any(String) });
  });

  it('employer sign-up and a colleague invitation', async () => {
    const signup = companySignupSchema.parse({
      cvr: '13748136',
      companyName: 'Kantine A/S',
      contactName: 'Ane Berg',
      email: 'ane@kantine.dk',
      password: 'jobbro2026!',
      passwordRepeat: 'jobbro2026!',
      pNumber: '3000000001',
      workplaceName: 'Køkken',
      address: 'Vej 1',
      postalCode: '6200',
      employeesFte: 12,
    });
    const organisations = await count('organisations');
    expect(await refusal(signUpCompany({ db: database.db, auth }, signup, 'da'))).toEqual({ password: ['passwordPersonal'] });
    expect(await refusal(signUpCompany({ db: database.db, auth }, { ...signup, password: 'iloveyou123' }, 'da'))).toEqual({
      password: ['passwordCommon'],
    });
    expect(await count('organisations')).toBe(organisations);
    const { organisationId, userId } = await signUpCompany({ db: database.db, auth }, { ...signup, password: 'kantine i aabenraa siden 1987' }, 'da');

    const token = 'colleague-token-1';
    await database.db
      .insertInto('organisation_invitations')
      .values({
        organisation_id: organisationId,
        email: 'bo@kantine.dk',
        token_hash: hashToken(token),
        invited_by: userId,
        expires_at: new Date('2026-03-05T00:00:00Z'),
      })
      .execute();
    const deps = { db: database.db, auth, clock };
    expect(await refusal(acceptEmployerInvitation(deps, token, { displayName: 'Bo Holm', password: 'bo@kantine.dk' }, 'da'))).toEqual({
      password: ['passwordPersonal'],
    });
    expect(await refusal(acceptEmployerInvitation(deps, token, { displayName: 'Bo Holm', password: 'qwertyuiop' }, 'da'))).toEqual({
      password: ['passwordCommon'],
    });
    await expect(acceptEmployerInvitation(deps, token, { displayName: 'Bo Holm', password: 'another long password' }, 'da')).resolves.toMatchObject({
      userId: expect.any(String),
    });
  });
});
