/**
 * Issue 23.5 and 21.13: a password reset by a single-use link that expires
 * within the hour (mailed through a real SMTP server), a password change,
 * and resending a candidate's invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../tests/setup/smtp-server.js';
import { acceptInvitation, inviteCandidate, resendInvitation } from '../candidates/invite.server.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { createSmtpMailer } from '../mail/mailer.server.js';
import { deliverDueMails } from '../notifications/delivery.server.js';
import { createAccountMailThrottle, TooManyAccountMails, ACCOUNT_MAIL_LIMITS } from './account-mail-throttle.server.js';
import { changePassword, findPasswordReset, requestPasswordReset, resetPassword } from './account-recovery.server.js';
import { createAuth, type Auth } from './lucia.server.js';
import { hashPassword, verifyPassword } from './password.server.js';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
});

/** The first mail to `address` among those arriving after the first `after`; rejects when none comes within `timeoutMs`. */
async function mailTo(address: string, options: { after: number; timeoutMs?: number }): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const found = smtp.received.slice(options.after).find((mail) => mail.to.map((to) => to.toLowerCase()).includes(address.toLowerCase()));
    if (found) return found;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`No mail to ${address}`);
    await smtp.waitFor(smtp.received.length + 1, Math.min(left, 200)).catch(() => undefined);
  }
}

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path}([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return { url: match[0], token: match[1] ?? '' };
};

describe.each(databaseKinds)('account recovery on %s', (kind) => {
  let database: TestDatabase;
  let auth: Auth;
  let world: MatchingWorld;
  let now = new Date('2026-03-01T09:00:00Z');
  const clock = () => now;
  let user: { id: string; email: string; displayName: string };
  const sessionsOf = async (userId: string) =>
    (await database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).map((row) => row.id).sort();
  const recoveryDeps = (throttle = false) => ({
    db: database.db,
    clock,
    baseUrl: 'http://jobbro.test',
    ...(throttle ? { throttle: createAccountMailThrottle({ db: database.db }) } : {}),
  });

  /** Account mails are queued in the request's transaction; the delivery worker sends them through SMTP after commit. */
  const deliver = () =>
    deliverDueMails({ db: database.db, mailer: createSmtpMailer(smtp.url, 'Jobbro <noreply@jobbro.test>'), clock, baseUrl: 'http://jobbro.test' });
  const mailDelivered = async (address: string, options: { after: number; timeoutMs?: number }) => {
    await deliver();
    return mailTo(address, options);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    auth = createAuth(database.db, { secureCookies: false });
    const row = await insertUser(
      database.db,
      buildUser(seededRng(6, `recovery-${kind}`), {
        role: 'candidate',
        locale: 'ar',
        email: `layla.${kind}@example.org`,
        password_hash: await hashPassword('old password that was fine'),
      }),
    );
    user = { id: row.id, email: row.email, displayName: row.display_name };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('mails a reset link in the owner’s language; an unknown e-mail gets the same answer and no mail', async () => {
    const before = smtp.received.length;
    await expect(requestPasswordReset(recoveryDeps(), { email: user.email.toUpperCase() })).resolves.toBeUndefined();
    const mail = await mailDelivered(user.email, { after: before });
    expect(mail.subject).toBe('كلمة مرور جديدة لـ Jobbro');
    expect(mail.text).toContain('60');
    expect(linkIn(mail.text, '/reset-password/').url).toMatch(/^http:\/\/jobbro\.test\/reset-password\//);
    const count = smtp.received.length;
    await expect(requestPasswordReset(recoveryDeps(), { email: `nobody.${kind}@example.org` })).resolves.toBeUndefined();
    await expect(mailDelivered(`nobody.${kind}@example.org`, { after: count, timeoutMs: 400 })).rejects.toThrow(/No mail/);
    await expect(requestPasswordReset(recoveryDeps(), { email: 'not an e-mail' })).rejects.toMatchObject({
      fields: { email: ['errors.emailInvalid'] },
    });
  });

  it('a known and an unknown e-mail: the same answer, no mail server reached during the request; the known one is mailed after commit', async () => {
    const before = smtp.received.length;
    const unknown = `nobody-else.${kind}@example.org`;
    const answers = [
      await requestPasswordReset(recoveryDeps(), { email: user.email }),
      await requestPasswordReset(recoveryDeps(), { email: unknown }),
    ];
    expect(answers).toEqual([undefined, undefined]);
    // Nothing went to the mail server while the requests ran: the known one's mail waits in the queue.
    expect(smtp.received.length).toBe(before);
    const queued = await database.db.selectFrom('outgoing_mails').select('to_address').where('sent_at', 'is', null).execute();
    expect(queued.map((row) => row.to_address)).toEqual([user.email]);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(linkIn((await mailTo(user.email, { after: before })).text, '/reset-password/').url).toMatch(/^http:\/\/jobbro\.test\/reset-password\//);
    expect(smtp.received.slice(before).flatMap((mail) => mail.to)).not.toContain(unknown);
  });

  it('the link works once, sets the new password and ends every other session', async () => {
    const phone = await auth.createSession(user.id, {});
    const laptop = await auth.createSession(user.id, {});
    expect(await sessionsOf(user.id)).toEqual([phone.id, laptop.id].sort());
    const before = smtp.received.length;
    await requestPasswordReset(recoveryDeps(), { email: user.email });
    const { token } = linkIn((await mailDelivered(user.email, { after: before })).text, '/reset-password/');
    expect(await findPasswordReset({ db: database.db, clock }, token)).toEqual({ email: user.email });
    await expect(resetPassword({ db: database.db, auth, clock }, { token, password: 'aaaaaaaaaaaa' })).rejects.toBeInstanceOf(InvalidInput);
    const { cookie, role } = await resetPassword({ db: database.db, auth, clock }, { token, password: 'a new and long passphrase' });
    expect(role).toBe('candidate');
    const remaining = await sessionsOf(user.id);
    expect(remaining).toHaveLength(1);
    expect(remaining).not.toContain(phone.id);
    expect(remaining).not.toContain(laptop.id);
    expect(cookie).toContain(remaining[0]);
    const stored = await database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(stored.password_hash ?? '', 'a new and long passphrase')).toBe(true);
    // Used: the link is refused, and the password stays.
    await expect(findPasswordReset({ db: database.db, clock }, token)).rejects.toBeInstanceOf(NotFound);
    await expect(resetPassword({ db: database.db, auth, clock }, { token, password: 'yet another long passphrase' })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('the link expires after an hour, and a newer link replaces an older one', async () => {
    const before = smtp.received.length;
    await requestPasswordReset(recoveryDeps(), { email: user.email });
    const first = linkIn((await mailDelivered(user.email, { after: before })).text, '/reset-password/').token;
    const middle = smtp.received.length;
    await requestPasswordReset(recoveryDeps(), { email: user.email });
    const second = linkIn((await mailDelivered(user.email, { after: middle })).text, '/reset-password/').token;
    await expect(findPasswordReset({ db: database.db, clock }, first)).rejects.toBeInstanceOf(NotFound);
    const issued = now;
    now = new Date(issued.getTime() + 59 * 60 * 1000);
    expect(await findPasswordReset({ db: database.db, clock }, second)).toEqual({ email: user.email });
    now = new Date(issued.getTime() + 60 * 60 * 1000 + 1000);
    await expect(findPasswordReset({ db: database.db, clock }, second)).rejects.toBeInstanceOf(NotFound);
    await expect(resetPassword({ db: database.db, auth, clock }, { token: second, password: 'too late long passphrase' })).rejects.toBeInstanceOf(
      NotFound,
    );
    now = issued;
  });

  it('is throttled per e-mail the same whether the account exists or not', async () => {
    for (const email of [user.email, `ghost.${kind}@example.org`]) {
      for (let i = 0; i < ACCOUNT_MAIL_LIMITS.perEmail; i++) await requestPasswordReset(recoveryDeps(true), { email }, `10.0.0.${i}`);
      const refused = await requestPasswordReset(recoveryDeps(true), { email }, '10.0.1.1').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TooManyAccountMails);
      expect(refused instanceof TooManyAccountMails && refused.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('is throttled per client address across e-mails', async () => {
    const address = `192.0.2.${kind === 'pglite' ? 1 : 2}`;
    for (let i = 0; i < ACCOUNT_MAIL_LIMITS.perAddress; i++)
      await requestPasswordReset(recoveryDeps(true), { email: `spray${i}.${kind}@example.org` }, address);
    await expect(requestPasswordReset(recoveryDeps(true), { email: `spray-last.${kind}@example.org` }, address)).rejects.toBeInstanceOf(
      TooManyAccountMails,
    );
  });

  it('a password change needs the current password, refuses a weak one, and ends the other sessions only', async () => {
    const here = await auth.createSession(user.id, {});
    const elsewhere = await auth.createSession(user.id, {});
    const change = (input: { currentPassword: string; newPassword: string; repeatPassword: string }) =>
      changePassword({ db: database.db }, user, here.id, input).catch((error: unknown) => (error instanceof InvalidInput ? error.fields : error));
    expect(await change({ currentPassword: 'wrong', newPassword: 'brand new long phrase', repeatPassword: 'brand new long phrase' })).toEqual({
      currentPassword: ['errors.currentWrong'],
    });
    expect(await change({ currentPassword: 'a new and long passphrase', newPassword: '0123456789', repeatPassword: '0123456789' })).toEqual({
      newPassword: ['errors.passwordWeak'],
    });
    expect(await change({ currentPassword: 'a new and long passphrase', newPassword: 'brand new long phrase', repeatPassword: 'other' })).toEqual({
      repeatPassword: ['errors.repeatMismatch'],
    });
    expect(await sessionsOf(user.id)).toContain(elsewhere.id);
    expect(
      await change({ currentPassword: 'a new and long passphrase', newPassword: 'brand new long phrase', repeatPassword: 'brand new long phrase' }),
    ).toMatchObject({ endedSessions: expect.any(Number) });
    const remaining = await sessionsOf(user.id);
    expect(remaining).toContain(here.id);
    expect(remaining).not.toContain(elsewhere.id);
  });

  it('a consultant resends an invitation: new link and code work, the old ones stop working', async () => {
    const consultantRow = await insertUser(
      database.db,
      buildUser(seededRng(7, `resend-${kind}`), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }),
    );
    const consultant = { id: consultantRow.id, role: 'consultant' as const, jobcentreId: world.jobcentres.aabenraa.id };
    const deps = recoveryDeps();
    const before = smtp.received.length;
    const first = await inviteCandidate(deps, consultant, {
      fullName: 'Olena Lost',
      email: `olena.${kind}@example.org`,
      birthDate: '1988-08-08',
      arrivalDate: '2022-04-01',
      residenceBasis: 'ukraine_special_law',
      postalCode: '6200',
      locale: 'uk',
    });
    await mailDelivered(`olena.${kind}@example.org`, { after: before });
    await expect(resendInvitation(deps, { ...consultant, jobcentreId: world.jobcentres.aarhus.id }, first.candidateId)).rejects.toBeInstanceOf(
      Forbidden,
    );
    const middle = smtp.received.length;
    const second = await resendInvitation(deps, consultant, first.candidateId);
    const mail = await mailDelivered(`olena.${kind}@example.org`, { after: middle });
    expect(mail.subject).toBe('Ваш обліковий запис Jobbro');
    expect(mail.text).toContain(second.code);
    expect(mail.text).toContain(second.link);
    expect(second.code).not.toBe(first.code);
    const accept = (tokenOrCode: string) => acceptInvitation({ db: database.db, auth, clock }, { tokenOrCode, password: 'olena chose this phrase' });
    await expect(accept(first.code)).rejects.toBeInstanceOf(NotFound);
    await expect(accept(first.link.split('/invite/')[1] ?? '')).rejects.toBeInstanceOf(NotFound);
    await accept(second.code);
    // Once the candidate has a password, the way back in is "forgot password", not a new invitation.
    await expect(resendInvitation(deps, consultant, first.candidateId)).rejects.toBeInstanceOf(Conflict);
  });
});
