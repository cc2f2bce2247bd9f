/**
 * Notifications end to end below the browser, on PGlite and PostgreSQL, with
 * mail going to a real SMTP server (tests/setup/smtp-server.ts): who is told
 * of what, in which language, with which link; delivery that survives a mail
 * server that is down; several deliverers sending each mail once; the daily
 * digest; idempotent reminders; a changed employer answer that must be confirmed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import type { Locale } from '../../db/schema.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { startSmtpServer, type TestSmtpServer } from '../../tests/setup/smtp-server.js';
import { setSharing } from '../candidates/sharing.server.js';
import { approveMatch, rejectMatch } from '../consultants/decisions.server.js';
import { addCandidate, addEmployer, addProposal, addSlot, buildConsultantWorld, type ConsultantWorld } from '../../tests/setup/test-world.js';
import { decideOnCandidate } from '../employers/candidates.server.js';
import { InvalidInput, RuleViolation } from '../lib/errors.js';
import { createSmtpMailer } from '../mail/mailer.server.js';
import { deliverDueMails, RETRY_BASE_MS } from './delivery.server.js';
import { composeDigests } from './digest.server.js';
import { listNotifications, markRead, saveMailSettings, unreadCount } from './inbox.server.js';
import { runScheduledNotices } from './schedule.server.js';
import { interestChanged } from './events.server.js';
import { setEmployerVerification } from '../consultants/verification.server.js';
import { executeErasure, requestOwnErasure } from '../privacy/erasure.server.js';
import { createPlacement, recordPlacementEvent } from '../placements/placements.server.js';

const BASE_URL = 'http://jobbro.test';

describe.each(databaseKinds)('notifications (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  let smtp: TestSmtpServer;
  let now: Date;
  // Each reading moves on by a millisecond, so the order of what a test does is the order of its notifications.
  const clock = () => {
    now = new Date(now.getTime() + 1);
    return new Date(now);
  };
  const deps = () => ({ db: world.db, clock });
  const delivery = () => ({ db: world.db, clock, baseUrl: BASE_URL, mailer: createSmtpMailer(smtp.url, 'Jobbro <no-reply@jobbro.dk>') });
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 23);
    smtp = await startSmtpServer();
  }, 120_000);
  afterAll(async () => {
    await smtp?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    now = new Date('2026-03-02T09:00:00Z');
    // Every test starts with an empty queue: mails of earlier tests are not its business.
    await world.db.updateTable('outgoing_mails').set({ state: 'sent' }).where('state', '=', 'pending').execute();
    await smtp.start();
    smtp.received.length = 0;
  });

  /** An employer with a login, a published slot, and a candidate (with a login in `locale`) proposed for it. */
  async function pair(options: { locale?: Locale; source?: 'matcher' | 'interest'; startDate?: string; type?: 'igu' | 'praktik' } = {}) {
    const employer = await addEmployer(world);
    const employerUser = await insertUser(
      world.db,
      buildUser(world.rng, { role: 'employer', organisation_id: employer.organisationId, locale: 'en' }),
    );
    const slotId = await addSlot(world, employer, {
      title: 'Kitchen helper',
      ...(options.startDate ? { start_date: options.startDate } : {}),
      ...(options.type === 'igu' ? { type: 'igu', weeks: 104, hours_per_week: 30, pay_basis: 'EGU-sats efter overenskomst' } : {}),
    });
    const candidateUser = await insertUser(world.db, buildUser(world.rng, { role: 'candidate', locale: options.locale ?? 'da' }));
    const candidateId = await addCandidate(world, world.jobcentres.aabenraa, {
      user_id: candidateUser.id,
      full_name: `Amal ${candidateUser.id.slice(0, 6)}`,
    });
    const proposalId = await addProposal(world, slotId, candidateId, { source: options.source ?? 'matcher' });
    const candidateName = (await world.db.selectFrom('candidates').select('full_name').where('id', '=', candidateId).executeTakeFirstOrThrow())
      .full_name;
    return {
      employer,
      employerUser,
      employerActor: { organisationId: employer.organisationId, userId: employerUser.id },
      slotId,
      candidateUser,
      candidate: { id: candidateUser.id, role: 'candidate' as const },
      candidateId,
      candidateName,
      proposalId,
    };
  }

  const notificationsOf = (userId: string) =>
    world.db
      .selectFrom('notifications')
      .select(['kind', 'params', 'link', 'mail_mode', 'mail_id'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  it('an approval tells the employer (without the name) and the candidate, in their languages, by mail after commit', async () => {
    const p = await pair({ locale: 'ar' });
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId });

    const employerNotes = await notificationsOf(p.employerUser.id);
    expect(employerNotes.map((n) => n.kind)).toEqual(['candidate_approved']);
    expect(JSON.stringify(employerNotes[0]?.params)).not.toContain(p.candidateName);
    expect(employerNotes[0]?.link).toBe(`/employer/slots/${p.slotId}`);
    expect((await notificationsOf(p.candidateUser.id)).map((n) => n.kind)).toEqual(['match_approved']);
    // Nothing is sent inside the transaction: the mails wait in the queue.
    expect(smtp.received).toHaveLength(0);

    expect(await deliverDueMails(delivery())).toEqual({ sent: 2, failed: 0 });
    const [employerMail] = mailsTo(p.employerUser.email);
    expect(employerMail?.subject).toBe('Jobbro: The jobcentre approved a candidate for “Kitchen helper”');
    expect(employerMail?.text).toContain(`${BASE_URL}/employer/slots/${p.slotId}`);
    expect(employerMail?.text).not.toContain(p.candidateName);
    const [candidateMail] = mailsTo(p.candidateUser.email);
    expect(candidateMail?.subject).toContain('وافق مركز التوظيف عليك');
    expect(candidateMail?.text).toContain(`${BASE_URL}/candidate/sharing`);
    expect(candidateMail?.html).toContain('dir="rtl"');
    // The plain-text part is there (and is what the text above was read from); the worker filled in the address.
    expect(candidateMail?.text).not.toContain('[[origin]]');
  });

  it('a refused approval writes no notification (same transaction)', async () => {
    const p = await pair();
    await world.db.updateTable('organisations').set({ status: 'suspended' }).where('id', '=', p.employer.organisationId).execute();
    await expect(approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId })).rejects.toBeInstanceOf(RuleViolation);
    expect(await notificationsOf(p.employerUser.id)).toEqual([]);
    expect(await notificationsOf(p.candidateUser.id)).toEqual([]);
  });

  it('a rejected interest tells the candidate why in plain words; a rejected matcher proposal tells nobody', async () => {
    const asked = await pair({ locale: 'en', source: 'interest' });
    await rejectMatch(deps(), world.consultants.aabenraa, { proposalId: asked.proposalId, reason: 'distance' });
    const [note] = await listNotifications(deps(), asked.candidate, 'en');
    expect(note?.title).toBe('The jobcentre did not approve your interest in “Kitchen helper”');
    expect(note?.next).toContain('the workplace is too far from where you live.');
    const matched = await pair();
    await rejectMatch(deps(), world.consultants.aabenraa, { proposalId: matched.proposalId, reason: 'skills' });
    expect(await notificationsOf(matched.candidateUser.id)).toEqual([]);
  });

  it('invite → the Arabic candidate is asked to share; sharing names them to the employer; the consultant hears both', async () => {
    const p = await pair({ locale: 'ar' });
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId });
    await decideOnCandidate(deps(), p.employerActor, { slotId: p.slotId, proposalId: p.proposalId }, { decision: 'invite' });
    await setSharing(deps(), p.candidate, { slotId: p.slotId, share: true });

    expect((await notificationsOf(p.candidateUser.id)).map((n) => n.kind)).toEqual(['match_approved', 'interview_invited']);
    const consultantKinds = (await notificationsOf(world.consultants.aabenraa.id)).filter((n) => n.link.includes(p.proposalId)).map((n) => n.kind);
    expect(consultantKinds).toEqual(['employer_invited', 'candidate_shared_consultant']);
    const employerNotes = await notificationsOf(p.employerUser.id);
    expect(employerNotes.map((n) => n.kind)).toEqual(['candidate_approved', 'candidate_shared']);
    expect(employerNotes[1]?.params.candidateName).toBe(p.candidateName);

    await deliverDueMails(delivery());
    const invitation = mailsTo(p.candidateUser.email).find((mail) => mail.subject.includes('مقابلة'));
    expect(invitation?.text).toContain('شارك بيانات الاتصال بك');
    expect(invitation?.text).toContain(`${BASE_URL}/candidate/sharing`);
    const shared = mailsTo(p.employerUser.email).find((mail) => mail.subject.includes('shares'));
    expect(shared?.subject).toBe(`Jobbro: ${p.candidateName} shares their name and contact details for “Kitchen helper”`);

    // Stopping to share hides the name again, also in what the employer is told.
    await setSharing(deps(), p.candidate, { slotId: p.slotId, share: false });
    const after = await notificationsOf(p.employerUser.id);
    expect(after.at(-1)?.kind).toBe('candidate_unshared');
    expect(JSON.stringify(after.at(-1)?.params)).not.toContain(p.candidateName);
  });

  it("an employer's answer is not changed silently: unconfirmed it is refused; confirmed, the others are told it changed", async () => {
    const p = await pair({ locale: 'en' });
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId });
    const target = { slotId: p.slotId, proposalId: p.proposalId };
    await decideOnCandidate(deps(), p.employerActor, target, { decision: 'invite' });
    const error = await decideOnCandidate(deps(), p.employerActor, target, { decision: 'decline', reason: 'position_filled' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error instanceof InvalidInput ? Object.keys(error.fields) : []).toEqual(['confirmChange']);
    const stored = await world.db
      .selectFrom('employer_decisions')
      .select('decision')
      .where('proposal_id', '=', p.proposalId)
      .executeTakeFirstOrThrow();
    expect(stored.decision).toBe('invite');

    await decideOnCandidate(deps(), p.employerActor, target, { decision: 'decline', reason: 'position_filled', confirmChange: 'yes' });
    const [latest] = await listNotifications(deps(), p.candidate, 'en');
    expect(latest?.title).toBe(
      'Changed: Employer … said no for “Kitchen helper”'.replace(
        'Employer …',
        (await world.db.selectFrom('organisations').select('name').where('id', '=', p.employer.organisationId).executeTakeFirstOrThrow()).name,
      ),
    );
    const consultantNote = (await notificationsOf(world.consultants.aabenraa.id)).filter((n) => n.link.includes(p.proposalId)).at(-1);
    expect(consultantNote).toMatchObject({ kind: 'employer_declined', params: { changed: 1 } });
    // The same answer again tells nobody.
    const before = (await notificationsOf(p.candidateUser.id)).length;
    await decideOnCandidate(deps(), p.employerActor, target, { decision: 'decline', reason: 'other' });
    expect((await notificationsOf(p.candidateUser.id)).length).toBe(before);
  });

  it('a mail server that is down delays mail, loses nothing and sends it once when it is back; the action succeeded', async () => {
    const p = await pair({ locale: 'uk' });
    await smtp.stop();
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId });
    expect(await unreadCount(deps(), p.candidate)).toBe(1);

    // Both claimed mails are tried and fail; neither is lost.
    expect(await deliverDueMails(delivery())).toEqual({ sent: 0, failed: 2 });
    const pending = await world.db
      .selectFrom('outgoing_mails')
      .select(['state', 'attempts', 'next_attempt_at', 'last_error'])
      .where('state', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(2);
    expect(pending.every((row) => row.attempts <= 1)).toBe(true);
    // Tried again after the first back-off step, not before.
    for (const row of pending) expect(new Date(row.next_attempt_at).getTime() - now.getTime()).toBeGreaterThanOrEqual(RETRY_BASE_MS - 10);

    // Not yet due: nothing is tried (back-off), even with the server back.
    await smtp.start();
    expect(await deliverDueMails(delivery())).toEqual({ sent: 0, failed: 0 });
    now = new Date(now.getTime() + RETRY_BASE_MS + 1000);
    expect(await deliverDueMails(delivery())).toEqual({ sent: 2, failed: 0 });
    expect(await deliverDueMails(delivery())).toEqual({ sent: 0, failed: 0 });
    const candidateMails = mailsTo(p.candidateUser.email);
    expect(candidateMails).toHaveLength(1);
    expect(candidateMails[0]?.subject).toContain('Центр зайнятості схвалив вас');
  });

  it('several deliverers at once send each mail once', async () => {
    for (let i = 0; i < 4; i++) await approveMatch(deps(), world.consultants.aabenraa, { proposalId: (await pair()).proposalId });
    const rounds = await Promise.all([deliverDueMails(delivery()), deliverDueMails(delivery()), deliverDueMails(delivery())]);
    expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(8);
    const ids = smtp.received.map((mail) => mail.messageId);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });

  it('the daily digest: one mail per person per day, only what they have not seen; chosen per kind', async () => {
    const p = await pair({ locale: 'en', source: 'interest' });
    const other = await pair({ locale: 'en', source: 'interest' });
    // The candidate wants the invitation in the digest too.
    await saveMailSettings(deps(), p.candidate, { interview_invited: 'digest', match_approved: 'digest' });
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId });
    await decideOnCandidate(deps(), p.employerActor, { slotId: p.slotId, proposalId: p.proposalId }, { decision: 'invite' });
    await saveMailSettings(deps(), other.candidate, { match_approved: 'digest' });
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: other.proposalId });
    const seen = (await listNotifications(deps(), other.candidate, 'en'))[0];
    if (!seen) throw new Error('expected a notification');
    await markRead(deps(), other.candidate, { id: seen.id });

    // Before the digest hour nothing goes; then one mail for p's candidate with both items, none for `other` (seen it).
    now = new Date('2026-03-03T05:00:00Z');
    expect(await composeDigests(deps())).toBe(0);
    now = new Date('2026-03-03T07:00:00Z');
    await composeDigests(deps());
    await deliverDueMails(delivery());
    const digests = mailsTo(p.candidateUser.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe('Jobbro: 2 new notifications');
    expect(digests[0]?.text).toContain(`${BASE_URL}/candidate/sharing`);
    expect(digests[0]?.text).toMatch(/invites you to an interview/);
    expect(mailsTo(other.candidateUser.email)).toHaveLength(0);

    // Later the same day: a new digest item waits for tomorrow, and a second run sends nothing.
    await decideOnCandidate(
      deps(),
      other.employerActor,
      { slotId: other.slotId, proposalId: other.proposalId },
      { decision: 'decline', reason: 'skills' },
    );
    await saveMailSettings(deps(), p.candidate, { interview_declined: 'digest' });
    await decideOnCandidate(
      deps(),
      p.employerActor,
      { slotId: p.slotId, proposalId: p.proposalId },
      { decision: 'decline', reason: 'skills', confirmChange: 'yes' },
    );
    now = new Date('2026-03-03T12:00:00Z');
    await composeDigests(deps());
    await deliverDueMails(delivery());
    expect(mailsTo(p.candidateUser.email)).toHaveLength(1);
    now = new Date('2026-03-04T07:00:00Z');
    await composeDigests(deps());
    await deliverDueMails(delivery());
    const second = mailsTo(p.candidateUser.email);
    expect(second).toHaveLength(2);
    expect(second[1]?.subject).toBe('Jobbro: 1 new notification');
  });

  it('reminders are idempotent: a slot starting within 14 days with open positions is told once', async () => {
    const p = await pair({ startDate: '2026-03-10' });
    const first = await runScheduledNotices(deps());
    expect(first.unfilled).toBeGreaterThanOrEqual(1);
    const second = await runScheduledNotices(deps());
    expect(second.unfilled).toBe(0);
    const notes = (await notificationsOf(p.employerUser.id)).filter((n) => n.kind === 'slot_unfilled');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.params).toMatchObject({ slotTitle: 'Kitchen helper', startDate: '2026-03-10' });
    // New offers: told once each, as a digest item by default.
    const offers = (await notificationsOf(p.candidateUser.id)).filter((n) => n.kind === 'new_offers');
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ mail_mode: 'digest', mail_id: null, params: { count: 1 } });
  });

  it('the placement dates the workbench records drive the reminders, each sent once to each party', async () => {
    const consultant = world.consultants.aabenraa;
    const kindsOf = async (userId: string, kinds: readonly string[]) =>
      (await notificationsOf(userId)).filter((n) => kinds.includes(n.kind)).map((n) => ({ kind: n.kind, ...n.params }));
    /** Approved, invited, shared and planned with the workbench: the candidate hears the placement is planned. */
    async function planned(type: 'igu' | 'praktik', endDate: string) {
      const p = await pair({ locale: 'uk', type });
      await approveMatch(deps(), consultant, { proposalId: p.proposalId });
      await decideOnCandidate(deps(), p.employerActor, { slotId: p.slotId, proposalId: p.proposalId }, { decision: 'invite' });
      await setSharing(deps(), p.candidate, { slotId: p.slotId, share: true });
      const placementId = await createPlacement(deps(), consultant, { proposalId: p.proposalId, startDate: '2026-04-01', endDate });
      return { ...p, placementId };
    }
    const igu = await planned('igu', '2028-03-29');
    const praktik = await planned('praktik', '2026-05-26');
    expect(await kindsOf(igu.candidateUser.id, ['placement_planned'])).toEqual([
      { kind: 'placement_planned', slotTitle: 'Kitchen helper', organisationName: expect.any(String), startDate: '2026-04-01' },
    ]);
    // An erasure request nearing its deadline, and a candidate whose 12 months without activity end soon.
    const erasing = await addCandidate(world, world.jobcentres.aabenraa);
    await world.db
      .insertInto('erasure_requests')
      .values({ candidate_id: erasing, jobcentre_id: world.jobcentres.aabenraa, requested_via: 'consultant', deadline: '2026-04-02' })
      .execute();
    const quietUser = await insertUser(world.db, buildUser(world.rng, { role: 'candidate', locale: 'ar' }));
    await addCandidate(world, world.jobcentres.aabenraa, { user_id: quietUser.id, last_active_at: new Date('2025-04-03T10:00:00Z') });

    /** Two runs at `day`: the second tells nobody anything new. */
    const twiceOn = async (day: string) => {
      now = new Date(`${day}T06:00:00Z`);
      const first = await runScheduledNotices(deps());
      const second = await runScheduledNotices(deps());
      expect({ ...second, offers: 0 }).toEqual({ unfilled: 0, milestones: 0, ends: 0, starts: 0, erasures: 0, inactivity: 0, offers: 0 });
      return first;
    };

    // Three days before the start: a reminder to each candidate; the erasure deadline and the coming inactivity too.
    await twiceOn('2026-03-29');
    for (const placed of [igu, praktik]) {
      expect(await kindsOf(placed.candidateUser.id, ['placement_starting'])).toEqual([
        { kind: 'placement_starting', slotTitle: 'Kitchen helper', organisationName: expect.any(String), startDate: '2026-04-01' },
      ]);
    }
    expect(await kindsOf(consultant.id, ['erasure_deadline'])).toContainEqual({ kind: 'erasure_deadline', deadline: '2026-04-02' });
    expect(await kindsOf(quietUser.id, ['inactivity_soon'])).toEqual([{ kind: 'inactivity_soon', inactiveOn: '2026-04-03' }]);

    // The praktik starts on the planned day; the IGU a week late, as the consultant records it.
    now = new Date('2026-04-01T10:00:00Z');
    await recordPlacementEvent(deps(), consultant, praktik.placementId, { kind: 'start', on: '2026-04-01' });
    now = new Date('2026-04-08T10:00:00Z');
    await recordPlacementEvent(deps(), consultant, igu.placementId, { kind: 'start', on: '2026-04-08' });

    // The week before the praktik ends: its employer and the consultant hear; the IGU's employer does not.
    const ends = await twiceOn('2026-05-20');
    expect(ends.ends).toBeGreaterThanOrEqual(1);
    const praktikEnd = { kind: 'milestone_due_employer', slotTitle: 'Kitchen helper', milestone: 'end_praktik', dueOn: '2026-05-26' };
    expect(await kindsOf(praktik.employerUser.id, ['milestone_due_employer'])).toEqual([praktikEnd]);
    expect(await kindsOf(consultant.id, ['placement_due'])).toContainEqual({
      ...praktikEnd,
      kind: 'placement_due',
      candidateName: praktik.candidateName,
    });
    expect(await kindsOf(igu.employerUser.id, ['milestone_due_employer'])).toEqual([]);

    // The IGU's 6-month bonus falls due six months after the actual start (not the planned one): the employer and the
    // consultant are told once, in the week before.
    expect((await twiceOn('2026-09-28')).milestones).toBe(0);
    const bonus = await twiceOn('2026-10-05');
    expect(bonus.milestones).toBeGreaterThanOrEqual(1);
    const bonusDue = { kind: 'milestone_due_employer', slotTitle: 'Kitchen helper', milestone: 'bonus_6m', dueOn: '2026-10-08' };
    expect(await kindsOf(igu.employerUser.id, ['milestone_due_employer'])).toEqual([bonusDue]);
    expect(await kindsOf(consultant.id, ['placement_due'])).toContainEqual({ ...bonusDue, kind: 'placement_due', candidateName: igu.candidateName });
  });

  it('mail settings refuse kinds the person cannot receive and modes that do not exist, naming the field', async () => {
    const p = await pair();
    const error = await saveMailSettings(deps(), p.candidate, { employer_invited: 'immediate', new_offers: 'hourly' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error instanceof InvalidInput ? Object.keys(error.fields).sort() : []).toEqual(['employer_invited', 'new_offers']);
  });

  it('a verified company is told; interest changes reach the consultants as digest items', async () => {
    const p = await pair({ source: 'interest' });
    await world.db.updateTable('organisations').set({ status: 'unverified' }).where('id', '=', p.employer.organisationId).execute();
    await setEmployerVerification(deps(), world.consultants.aabenraa, {
      action: 'verify',
      organisationId: p.employer.organisationId,
      cvrChecked: true,
      contactConfirmed: true,
    });
    expect(await notificationsOf(p.employerUser.id)).toMatchObject([{ kind: 'company_verified', link: '/employer/company', mail_mode: 'immediate' }]);

    await world.db
      .transaction()
      .execute((trx) => interestChanged(trx, { proposalId: p.proposalId, expressed: true, actorUserId: p.candidateUser.id, at: clock() }));
    const told = (await notificationsOf(world.consultants.aabenraa.id)).filter((n) => n.kind === 'interest_expressed').at(-1);
    expect(told).toMatchObject({
      mail_mode: 'digest',
      mail_id: null,
      link: `/consultant/proposals/${p.proposalId}`,
      params: { candidateName: p.candidateName },
    });
  });

  it('erasing a candidate removes the notifications and mails that name them', async () => {
    const p = await pair({ locale: 'en' });
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p.proposalId });
    await setSharing(deps(), p.candidate, { slotId: p.slotId, share: true });
    const named = async () =>
      (await world.db.selectFrom('notifications').select('params').execute()).filter((row) => JSON.stringify(row.params).includes(p.candidateName))
        .length;
    expect(await named()).toBeGreaterThan(0);
    const request = await requestOwnErasure(deps(), p.candidate);
    await executeErasure(deps(), world.consultants.aabenraa, request.id);
    expect(await named()).toBe(0);
    // Nor does anything the candidate's own events pointed at stay: their proposal's events are gone with its notifications.
    expect(await world.db.selectFrom('notification_events').select('id').where('subject_id', '=', p.proposalId).execute()).toEqual([]);
    const mails = await world.db.selectFrom('outgoing_mails').select(['to_address', 'text_body']).execute();
    expect(mails.filter((mail) => mail.to_address === p.candidateUser.email || mail.text_body.includes(p.candidateName))).toEqual([]);
  });
});
