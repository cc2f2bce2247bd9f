/**
 * SQL for notifications (issue 23): events, notifications per recipient,
 * mail preferences, the mail queue that the delivery worker claims, the
 * daily digest, and the facts the scheduled reminders are made of.
 */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../client.server.js';
import type { DB, Locale, MailMode, Role } from '../schema.js';
import { containsPattern } from './like.js';

export type RecipientRow = { id: string; email: string; role: Role; locale: Locale | null; display_name: string };

/** The event, or null when an event with the same dedupe key was written before (a reminder already sent). */
export async function insertNotificationEvent(
  trx: Transaction<DB>,
  row: { kind: string; actorUserId: string | null; subjectType: string; subjectId: string; dedupeKey: string | null; at: Date },
): Promise<string | null> {
  const inserted = await trx
    .insertInto('notification_events')
    .values({
      kind: row.kind,
      actor_user_id: row.actorUserId,
      subject_type: row.subjectType,
      subject_id: row.subjectId,
      dedupe_key: row.dedupeKey,
      created_at: row.at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export async function selectRecipients(db: Executor, userIds: readonly string[]): Promise<RecipientRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'locale', 'display_name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
}

export async function selectEmployerUserIds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('organisation_id', '=', organisationId).where('role', '=', 'employer').execute();
  return rows.map((row) => row.id);
}

export async function selectConsultantUserIds(db: Executor, jobcentreId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('jobcentre_id', '=', jobcentreId).where('role', '=', 'consultant').execute();
  return rows.map((row) => row.id);
}

export async function selectMailPreferences(
  db: Executor,
  userIds: readonly string[],
): Promise<Array<{ user_id: string; kind: string; mail_mode: MailMode }>> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('notification_preferences')
    .select(['user_id', 'kind', 'mail_mode'])
    .where('user_id', 'in', [...userIds])
    .execute();
}

export async function upsertMailPreferences(
  trx: Transaction<DB>,
  userId: string,
  choices: ReadonlyArray<{ kind: string; mode: MailMode }>,
): Promise<void> {
  if (choices.length === 0) return;
  await trx
    .insertInto('notification_preferences')
    .values(choices.map((choice) => ({ user_id: userId, kind: choice.kind, mail_mode: choice.mode })))
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ mail_mode: eb.ref('excluded.mail_mode') })))
    .execute();
}

export async function insertNotificationRow(
  trx: Transaction<DB>,
  row: {
    eventId: string;
    userId: string;
    kind: string;
    params: Record<string, string | number>;
    link: string;
    mailMode: MailMode;
    mailId: string | null;
    at: Date;
  },
): Promise<string> {
  const inserted = await trx
    .insertInto('notifications')
    .values({
      event_id: row.eventId,
      user_id: row.userId,
      kind: row.kind,
      params: sql<string>`cast(${JSON.stringify(row.params)} as jsonb)`,
      link: row.link,
      mail_mode: row.mailMode,
      mail_id: row.mailId,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A mail to deliver after commit; null when one with the same dedupe key exists (a day's digest already sent). */
export async function insertOutgoingMail(
  trx: Transaction<DB>,
  mail: { to: string; subject: string; text: string; html: string | null; dedupeKey: string | null; at: Date },
): Promise<string | null> {
  const inserted = await trx
    .insertInto('outgoing_mails')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      dedupe_key: mail.dedupeKey,
      created_at: mail.at,
      next_attempt_at: mail.at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export type ClaimedMailRow = { id: string; to_address: string; subject: string; text_body: string; html_body: string | null; attempts: number };

/**
 * Claims up to `limit` due mails for one worker until `leaseUntil`. The
 * rows are locked with SKIP LOCKED and leased in one statement, so two
 * processes never claim the same mail; a worker that dies mid-send leaves a
 * lease that runs out, and the mail is tried again.
 */
export async function claimDueMails(db: Executor, claim: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedMailRow[]> {
  const result = await sql<ClaimedMailRow>`
    update outgoing_mails set claimed_until = ${claim.leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outgoing_mails
      where state = 'pending' and next_attempt_at <= ${claim.now} and (claimed_until is null or claimed_until < ${claim.now})
      order by next_attempt_at
      limit ${claim.limit}
      for update skip locked
    )
    returning id, to_address, subject, text_body, html_body, attempts`.execute(db);
  return result.rows;
}

export async function markMailSent(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .updateTable('outgoing_mails')
    .set({ state: 'sent', sent_at: at, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

export async function markMailFailed(db: Executor, id: string, failure: { nextAttemptAt: Date; error: string }): Promise<void> {
  await db
    .updateTable('outgoing_mails')
    .set({ next_attempt_at: failure.nextAttemptAt, claimed_until: null, last_error: failure.error.slice(0, 500) })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

export type MailQueueCounts = { pending: number; sent: number };

export async function countMailQueue(db: Executor): Promise<MailQueueCounts> {
  const rows = await db
    .selectFrom('outgoing_mails')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return { pending: Number(rows.find((r) => r.state === 'pending')?.n ?? 0), sent: Number(rows.find((r) => r.state === 'sent')?.n ?? 0) };
}

// ---- the inbox -----------------------------------------------------------------

export type NotificationRow = {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  created_at: Date;
  read_at: Date | null;
};

export async function selectNotificationsOf(db: Executor, userId: string, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnreadOf(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one (or, without an id, every) unread notification of the user read; returns how many changed. */
export async function markNotificationsRead(db: Executor, userId: string, at: Date, id?: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- the daily digest ----------------------------------------------------------

/** People with digest notifications not yet mailed and not yet seen. */
export async function selectDigestRecipientIds(db: Executor, before: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('mail_mode', '=', 'digest')
    .where('mail_id', 'is', null)
    .where('read_at', 'is', null)
    .where('created_at', '<=', before)
    .execute();
  return rows.map((row) => row.user_id);
}

/** One person's unmailed, unseen digest notifications, locked so that two processes never put them in two digests. */
export async function lockDigestItems(trx: Transaction<DB>, userId: string, before: Date): Promise<NotificationRow[]> {
  return trx
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('mail_mode', '=', 'digest')
    .where('mail_id', 'is', null)
    .where('read_at', 'is', null)
    .where('created_at', '<=', before)
    .orderBy('created_at', 'asc')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function attachMail(trx: Transaction<DB>, notificationIds: readonly string[], mailId: string): Promise<void> {
  if (notificationIds.length === 0) return;
  await trx
    .updateTable('notifications')
    .set({ mail_id: mailId })
    .where('id', 'in', [...notificationIds])
    .execute();
}

// ---- what events are about -----------------------------------------------------

export type ProposalFactsRow = {
  proposal_id: string;
  source: 'matcher' | 'interest';
  slot_id: string;
  slot_title: string;
  organisation_id: string;
  organisation_name: string;
  candidate_id: string;
  candidate_name: string;
  candidate_user_id: string | null;
  candidate_jobcentre_id: string;
  /** The candidate's latest sharing choice for this slot, null when none. */
  shared: boolean | null;
};

export async function selectProposalFacts(db: Executor, proposalId: string): Promise<ProposalFactsRow | undefined> {
  return db
    .selectFrom('match_proposals as p')
    .innerJoin('slots as s', 's.id', 'p.slot_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
    .select([
      'p.id as proposal_id',
      'p.source',
      's.id as slot_id',
      's.title as slot_title',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'c.id as candidate_id',
      'c.full_name as candidate_name',
      'c.user_id as candidate_user_id',
      'c.jobcentre_id as candidate_jobcentre_id',
      (eb) =>
        eb
          .selectFrom('consents as k')
          .select('k.granted')
          .whereRef('k.candidate_id', '=', 'p.candidate_id')
          .whereRef('k.slot_id', '=', 'p.slot_id')
          .where('k.revoked_at', 'is', null)
          .orderBy('k.recorded_at', 'desc')
          .limit(1)
          .as('shared'),
    ])
    .where('p.id', '=', proposalId)
    .executeTakeFirst();
}

export async function selectProposalIdFor(db: Executor, candidateId: string, slotId: string): Promise<string | null> {
  const row = await db
    .selectFrom('match_proposals')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('slot_id', '=', slotId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function selectSlotFacts(
  db: Executor,
  slotId: string,
): Promise<{ slot_id: string; slot_title: string; organisation_id: string } | undefined> {
  return db.selectFrom('slots').select(['id as slot_id', 'title as slot_title', 'organisation_id']).where('id', '=', slotId).executeTakeFirst();
}

export async function selectOrganisationName(db: Executor, organisationId: string): Promise<string | null> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name ?? null;
}

// ---- the scheduled reminders ---------------------------------------------------

/** Published slots starting between `from` and `to` with fewer planned or started placements than positions. */
export async function selectUnfilledSlotsStarting(db: Executor, from: string, to: string) {
  return db
    .selectFrom('slots as s')
    .select([
      's.id',
      's.title',
      's.organisation_id',
      's.start_date',
      's.positions',
      (eb) =>
        eb
          .selectFrom('placements as pl')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('pl.slot_id', '=', 's.id')
          .where('pl.status', 'in', ['planned', 'started'])
          .as('filled'),
    ])
    .where('s.status', '=', 'published')
    .where('s.start_date', '>=', from)
    .where('s.start_date', '<=', to)
    .execute();
}

/** Milestones not done that fall due between `from` and `to`, with the placement's slot and jobcentre. */
export async function selectMilestonesDue(db: Executor, from: string, to: string) {
  return db
    .selectFrom('placement_milestones as m')
    .innerJoin('placements as pl', 'pl.id', 'm.placement_id')
    .innerJoin('slots as s', 's.id', 'pl.slot_id')
    .innerJoin('candidates as c', 'c.id', 'pl.candidate_id')
    .select([
      'm.placement_id',
      'm.kind',
      'm.due_on',
      's.id as slot_id',
      's.title as slot_title',
      's.organisation_id',
      'c.jobcentre_id',
      'c.full_name as candidate_name',
    ])
    .where('m.done_on', 'is', null)
    .where('m.due_on', '>=', from)
    .where('m.due_on', '<=', to)
    .where('pl.status', 'in', ['planned', 'started'])
    .execute();
}

/** Started placements ending between `from` and `to`. */
export async function selectPlacementsEnding(db: Executor, from: string, to: string) {
  return db
    .selectFrom('placements as pl')
    .innerJoin('slots as s', 's.id', 'pl.slot_id')
    .innerJoin('candidates as c', 'c.id', 'pl.candidate_id')
    .select([
      'pl.id',
      'pl.type',
      'pl.end_date',
      's.id as slot_id',
      's.title as slot_title',
      's.organisation_id',
      'c.jobcentre_id',
      'c.full_name as candidate_name',
    ])
    .where('pl.status', '=', 'started')
    .where('pl.end_date', '>=', from)
    .where('pl.end_date', '<=', to)
    .execute();
}

/** Planned placements starting between `from` and `to`, for candidates with a login. */
export async function selectPlacementsStarting(db: Executor, from: string, to: string) {
  return db
    .selectFrom('placements as pl')
    .innerJoin('slots as s', 's.id', 'pl.slot_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .innerJoin('candidates as c', 'c.id', 'pl.candidate_id')
    .select(['pl.id', 'pl.start_date', 's.title as slot_title', 'o.name as organisation_name', 'c.user_id'])
    .where('pl.status', '=', 'planned')
    .where('pl.start_date', '>=', from)
    .where('pl.start_date', '<=', to)
    .where('c.user_id', 'is not', null)
    .execute();
}

/** Open erasure requests whose deadline falls on or before `to`. */
export async function selectErasureDeadlinesBy(db: Executor, to: string) {
  return db
    .selectFrom('erasure_requests')
    .select(['id', 'jobcentre_id', 'deadline'])
    .where('status', '=', 'requested')
    .where('deadline', '<=', to)
    .execute();
}

/** Active candidates with a login whose last activity lies between the two instants (about to be flagged inactive). */
export async function selectCandidatesNearingInactivity(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('candidates')
    .select(['id', 'user_id', 'last_active_at'])
    .where('status', '=', 'active')
    .where('inactivity_flagged_at', 'is', null)
    .where('user_id', 'is not', null)
    .where('last_active_at', '>', from)
    .where('last_active_at', '<=', to)
    .execute();
}

/**
 * Offers that fit a candidate (the matcher's proposals for published slots,
 * not rejected) which they have not been told of, per candidate with a login.
 */
export async function selectUntoldOffers(db: Executor, limit: number) {
  return db
    .selectFrom('match_proposals as p')
    .innerJoin('slots as s', 's.id', 'p.slot_id')
    .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
    .select(['c.id as candidate_id', 'c.user_id', 's.id as slot_id'])
    .where('p.status', 'in', ['proposed', 'approved'])
    .where('s.status', '=', 'published')
    .where('c.status', '=', 'active')
    .where('c.user_id', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('offer_notices as n').select('n.slot_id').whereRef('n.candidate_id', '=', 'c.id').whereRef('n.slot_id', '=', 's.id')),
      ),
    )
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

export async function insertOfferNotices(trx: Transaction<DB>, candidateId: string, slotIds: readonly string[], at: Date): Promise<void> {
  if (slotIds.length === 0) return;
  await trx
    .insertInto('offer_notices')
    .values(slotIds.map((slotId) => ({ candidate_id: candidateId, slot_id: slotId, told_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The employer's current answer on a proposal, locked for the change about to be made. */
export async function lockEmployerDecision(trx: Transaction<DB>, proposalId: string): Promise<'invite' | 'decline' | null> {
  const row = await trx.selectFrom('employer_decisions').select('decision').where('proposal_id', '=', proposalId).forUpdate().executeTakeFirst();
  return row?.decision ?? null;
}

export type CandidateOfferProgressRow = {
  proposal_id: string;
  source: 'matcher' | 'interest';
  status: 'proposed' | 'approved' | 'rejected' | 'stale';
  slot_id: string;
  slot_title: string;
  organisation_name: string;
  employer_decision: 'invite' | 'decline' | null;
  shared: boolean | null;
  placement_status: 'planned' | 'started' | 'ended_early' | 'completed' | null;
  placement_outcome: 'ordinary_job' | 'education' | 'back_to_programme' | null;
  placement_start: string | null;
};

/** The candidate's interests and approved matches (not stale ones), with how far each has come, latest first. */
export async function selectCandidateOfferProgress(db: Executor, candidateId: string): Promise<CandidateOfferProgressRow[]> {
  return db
    .selectFrom('match_proposals as p')
    .innerJoin('slots as s', 's.id', 'p.slot_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('employer_decisions as d', 'd.proposal_id', 'p.id')
    .leftJoin('placements as pl', 'pl.proposal_id', 'p.id')
    .select([
      'p.id as proposal_id',
      'p.source',
      'p.status',
      's.id as slot_id',
      's.title as slot_title',
      'o.name as organisation_name',
      'd.decision as employer_decision',
      'pl.status as placement_status',
      'pl.outcome as placement_outcome',
      'pl.start_date as placement_start',
      (eb) =>
        eb
          .selectFrom('consents as k')
          .select('k.granted')
          .whereRef('k.candidate_id', '=', 'p.candidate_id')
          .whereRef('k.slot_id', '=', 'p.slot_id')
          .where('k.revoked_at', 'is', null)
          .orderBy('k.recorded_at', 'desc')
          .limit(1)
          .as('shared'),
    ])
    .where('p.candidate_id', '=', candidateId)
    .where((eb) => eb.or([eb('p.source', '=', 'interest'), eb('p.status', '=', 'approved')]))
    .where('p.status', '!=', 'stale')
    .orderBy(sql`coalesce(p.decided_at, p.computed_at)`, 'desc')
    .limit(20)
    .execute();
}

export type EmployerDecisionSeenRow = {
  proposal_id: string;
  decision: 'invite' | 'decline';
  reason: string | null;
  decided_at: Date;
  decided_by_name: string | null;
  decided_by_role: Role | null;
};

/** The employer's answers on these proposals, with who gave them (an employer, or a consultant recording it) and when. */
export async function selectEmployerDecisionsOf(db: Executor, proposalIds: readonly string[]): Promise<EmployerDecisionSeenRow[]> {
  if (proposalIds.length === 0) return [];
  return db
    .selectFrom('employer_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.proposal_id', 'd.decision', 'd.reason', 'd.decided_at', 'u.display_name as decided_by_name', 'u.role as decided_by_role'])
    .where('d.proposal_id', 'in', [...proposalIds])
    .execute();
}

/**
 * Erasure: notifications that name the person (those of employers and
 * consultants carry the name), and queued or sent mails to them or naming
 * them. Their own notifications go with their user row.
 */
export async function deleteNotificationsAbout(
  trx: Transaction<DB>,
  person: { candidateId: string; emails: readonly string[]; fullName: string },
): Promise<void> {
  // Events about the candidate or their proposals, with every notification of them (on delete cascade); run before the proposals go.
  await trx
    .deleteFrom('notification_events')
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_type', '=', 'candidate'), eb('subject_id', '=', person.candidateId)]),
        eb.and([
          eb('subject_type', '=', 'match_proposal'),
          eb(
            'subject_id',
            'in',
            eb
              .selectFrom('match_proposals')
              .select(sql<string>`id::text`.as('id'))
              .where('candidate_id', '=', person.candidateId),
          ),
        ]),
      ]),
    )
    .execute();
  const pattern = person.fullName.trim() === '' ? null : containsPattern(person.fullName.trim());
  if (pattern)
    await trx
      .deleteFrom('notifications')
      .where(sql<boolean>`params::text ilike ${pattern}`)
      .execute();
  if (person.emails.length === 0 && !pattern) return;
  await trx
    .deleteFrom('outgoing_mails')
    .where((eb) =>
      eb.or([
        ...person.emails.map((email) => eb(eb.fn('lower', ['to_address']), '=', email.toLowerCase())),
        ...(pattern ? [eb('text_body', 'ilike', pattern), eb('subject', 'ilike', pattern)] : []),
      ]),
    )
    .execute();
}
