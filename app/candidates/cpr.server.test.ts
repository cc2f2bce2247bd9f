import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createDocumentSources } from '../matching/documents/index.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import en from '../i18n/locales/en/review.json';
import { Conflict, Forbidden, InvalidInput } from '../lib/errors.js';
import { listMailbox } from '../mail/mailer.server.js';
import { deliverQueuedMail } from '../../tests/setup/mailbox.js';
import {
  CPR_ERRORS,
  CprDecryptionError,
  CprKeyError,
  createCprCipher,
  hasRegisteredCpr,
  maskCpr,
  maskedCprForConsultant,
  parseCpr,
} from './cpr.server.js';
import { inviteCandidate } from './invite.server.js';

const KEY = '6f'.repeat(32);
const OTHER_KEY = 'a1'.repeat(32);

/** The old modulus-11 check, only to prove the numbers below really fail it. */
function passesModulus11(cpr: string): boolean {
  const digits = cpr.replace(/\D/g, '').split('').map(Number);
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return digits.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11 === 0;
}

describe('parseCpr', () => {
  it('accepts DDMMYY-SSSS and DDMMYYSSSS and gives the ten digits and the birth date', () => {
    expect(parseCpr('010190-1234')).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
    expect(parseCpr(' 0101901234 ')).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
    expect(parseCpr('010190 - 1234')).toMatchObject({ ok: true, cpr: '0101901234' });
  });

  it('accepts a number issued after 2007 that fails modulus 11', () => {
    expect(passesModulus11('150815-4007')).toBe(false);
    expect(parseCpr('150815-4007')).toEqual({ ok: true, cpr: '1508154007', birthDate: '2015-08-15' });
    expect(passesModulus11('010190-1234')).toBe(false);
  });

  it('refuses a date that does not exist', () => {
    expect(parseCpr('310299-1234')).toEqual({ ok: false, error: CPR_ERRORS.date });
    expect(parseCpr('311190-1234')).toEqual({ ok: false, error: CPR_ERRORS.date });
    expect(parseCpr('011390-1234')).toEqual({ ok: false, error: CPR_ERRORS.date });
    expect(parseCpr('000190-1234')).toEqual({ ok: false, error: CPR_ERRORS.date });
  });

  it('reads the century from the serial number: 29 February 2000 exists, 29 February 1900 does not', () => {
    expect(parseCpr('290200-4001')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseCpr('290200-1001')).toEqual({ ok: false, error: CPR_ERRORS.date });
    expect(parseCpr('010158-5001')).toMatchObject({ ok: true, birthDate: '1858-01-01' });
    expect(parseCpr('010137-9001')).toMatchObject({ ok: true, birthDate: '1937-01-01' });
  });

  it.each(['01019-1234', '0101901-234', '010190-12345', '010190-123', '01O190-1234', '010190/1234', '', 'DDMMYY-SSSS'])(
    'refuses %j as the wrong length or characters',
    (typed) => {
      expect(parseCpr(typed)).toEqual({ ok: false, error: CPR_ERRORS.format });
    },
  );

  it('masks the serial number', () => {
    expect(maskCpr('0101901234')).toBe('010190-••••');
    expect(maskCpr('010190-1234')).toBe('010190-••••');
  });

  it('has clear messages, and the missing-key message names the setting', () => {
    expect(en.cpr.errors.noKey).toContain('CPR_ENCRYPTION_KEY');
    expect(en.cpr.errors.format).toContain('DDMMYY-SSSS');
  });
});

describe('CPR encryption', () => {
  const cipher = createCprCipher(KEY);

  it('round-trips, with a fresh IV each time, while the lookup hash stays the same', () => {
    const a = cipher.encrypt('010190-1234');
    const b = cipher.encrypt('0101901234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('0101901234');
    expect(cipher.decrypt(a)).toBe('0101901234');
    expect(cipher.decrypt(b)).toBe('0101901234');
    expect(cipher.lookupHash('010190-1234')).toBe(cipher.lookupHash('0101901234'));
    expect(cipher.lookupHash('010190-1234')).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.lookupHash('010190-1235')).not.toBe(cipher.lookupHash('010190-1234'));
  });

  it('fails to decrypt with another key, and the lookup hash depends on the key', () => {
    const other = createCprCipher(OTHER_KEY);
    const stored = cipher.encrypt('010190-1234');
    expect(() => other.decrypt(stored)).toThrow(CprDecryptionError);
    expect(other.lookupHash('010190-1234')).not.toBe(cipher.lookupHash('010190-1234'));
  });

  it('refuses a tampered value, a malformed value and a malformed key', () => {
    const [version, iv, body, tag] = cipher.encrypt('010190-1234').split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([version, iv, flipped.toString('base64url'), tag].join('.'))).toThrow(CprDecryptionError);
    expect(() => cipher.decrypt('0101901234')).toThrow(CprDecryptionError);
    expect(() => createCprCipher('abc')).toThrow(CprKeyError);
    expect(() => cipher.encrypt('310299-1234')).toThrow(CprKeyError);
  });
});

describe.each(databaseKinds)('CPR at rest on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;
  let consultant: { id: string; role: 'consultant'; jobcentreId: string };
  let otherConsultant: { id: string; role: 'consultant'; jobcentreId: string };
  const clock = () => new Date('2026-03-01T09:00:00Z');
  const cipher = createCprCipher(KEY);
  const person = (email: string, cpr?: string) => ({
    fullName: 'Yusuf Haddad',
    email,
    birthDate: '1990-01-01',
    arrivalDate: '2024-06-01',
    residenceBasis: 'refugee' as const,
    postalCode: '6200',
    locale: 'da' as const,
    cpr,
  });
  const deps = (withKey: boolean) => ({
    db: database.db,
    clock,
    baseUrl: 'http://localhost:3000',
    cprCipher: withKey ? cipher : null,
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const aabenraa = await insertUser(
      database.db,
      buildUser(seededRng(1, 'cpr'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }),
    );
    const aarhus = await insertUser(database.db, buildUser(seededRng(2, 'cpr'), { role: 'consultant', jobcentre_id: world.jobcentres.aarhus.id }));
    consultant = { id: aabenraa.id, role: 'consultant', jobcentreId: world.jobcentres.aabenraa.id };
    otherConsultant = { id: aarhus.id, role: 'consultant', jobcentreId: world.jobcentres.aarhus.id };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('without a key: a CPR given is refused with the key named, and nothing is created; without a CPR the invitation works', async () => {
    const refused = await inviteCandidate(deps(false), consultant, person('nokey@example.org', '010190-1234')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInput);
    expect(refused instanceof InvalidInput && refused.fields).toEqual({ cpr: [CPR_ERRORS.noKey] });
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'nokey@example.org').executeTakeFirst()).toBeUndefined();

    const invited = await inviteCandidate(deps(false), consultant, person('nokey@example.org', '  '));
    expect(invited.maskedCpr).toBeNull();
    expect(await hasRegisteredCpr(database.db, invited.candidateId)).toBe(false);
  });

  it('reports a bad CPR together with the other field errors', async () => {
    const refused = await inviteCandidate(deps(true), consultant, { ...person('bad@example.org', '310299-1234'), fullName: '' }).catch(
      (error: unknown) => error,
    );
    expect(refused instanceof InvalidInput && refused.fields).toMatchObject({ cpr: [CPR_ERRORS.date], fullName: expect.any(Array) });
  });

  it('with a key: stores ciphertext and a lookup hash only, refuses the same CPR again, and keeps it out of the index document and the mail', async () => {
    const { db } = database;
    const first = await inviteCandidate(deps(true), consultant, person('cpr1@example.org', '010190-1234'));
    expect(first.maskedCpr).toBe('010190-••••');
    const stored = await db.selectFrom('candidate_cprs').selectAll().where('candidate_id', '=', first.candidateId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/0101901234|010190-1234/);
    expect(cipher.decrypt(stored.cpr_ciphertext)).toBe('0101901234');
    expect(stored.cpr_lookup_hash).toBe(cipher.lookupHash('010190-1234'));
    expect(await hasRegisteredCpr(db, first.candidateId)).toBe(true);

    // The same number typed the other way, for another person at the same jobcentre: refused, nothing created.
    // (At another jobcentre it is stored and flagged instead: app/candidates/cpr-duplicates.server.test.ts.)
    const duplicate = await inviteCandidate(deps(true), consultant, person('cpr2@example.org', '0101901234')).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Conflict);
    expect(duplicate instanceof Conflict && duplicate.message).toBe(CPR_ERRORS.duplicate);
    expect(await db.selectFrom('users').select('id').where('email', '=', 'cpr2@example.org').executeTakeFirst()).toBeUndefined();

    // The candidate is matchable, so their index document exists; it holds no trace of the CPR.
    const documents = await createDocumentSources({ clock }).candidates.load(db, [first.candidateId]);
    expect(documents.size).toBe(1);
    const json = JSON.stringify([...documents.values()]);
    for (const secret of ['0101901234', '010190-1234', '1234', stored.cpr_ciphertext, stored.cpr_lookup_hash]) expect(json).not.toContain(secret);

    await deliverQueuedMail(db, { now: clock() });
    const mails = JSON.stringify(await listMailbox({ db }));
    expect(mails).toContain('cpr1@example.org');
    expect(mails).not.toMatch(/0101901234|010190-1234/);
  });

  it('shows the masked CPR to consultants of the own jobcentre only', async () => {
    const { db } = database;
    const row = await db.selectFrom('candidates').select(['id', 'jobcentre_id']).where('email', '=', 'cpr1@example.org').executeTakeFirstOrThrow();
    const candidate = { id: row.id, jobcentreId: row.jobcentre_id };
    expect(await maskedCprForConsultant({ db, cipher }, consultant, candidate)).toBe('010190-••••');
    await expect(maskedCprForConsultant({ db, cipher }, otherConsultant, candidate)).rejects.toBeInstanceOf(Forbidden);
    await expect(maskedCprForConsultant({ db, cipher }, { role: 'employer', jobcentreId: null }, candidate)).rejects.toBeInstanceOf(Forbidden);
    expect(await maskedCprForConsultant({ db, cipher: null }, consultant, candidate)).toBeNull();
    expect(await maskedCprForConsultant({ db, cipher: createCprCipher(OTHER_KEY) }, consultant, candidate)).toBe('••••••-••••');
  });
});
