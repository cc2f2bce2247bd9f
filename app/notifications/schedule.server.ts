/**
 * The reminders that come from time passing rather than from someone's
 * action: a slot starting within 14 days with positions unfilled, placement
 * milestones and ends due this week, a placement about to start, an erasure
 * request nearing its deadline, a profile about to be marked inactive, and
 * new offers that fit a candidate. Idempotent: every reminder's event has a
 * dedupe key naming the thing and its date, so a second run (or a second
 * process) tells nobody twice; new offers are told once each (offer_notices).
 */
import type { Kysely } from 'kysely';
import {
  insertOfferNotices,
  selectCandidatesNearingInactivity,
  selectConsultantUserIds,
  selectEmployerUserIds,
  selectErasureDeadlinesBy,
  selectMilestonesDue,
  selectPlacementsEnding,
  selectPlacementsStarting,
  selectUnfilledSlotsStarting,
  selectUntoldOffers,
} from '../../db/queries/notifications.js';
import type { Executor } from '../../db/client.server.js';
import type { DB } from '../../db/schema.js';
import { inactivityCutoff } from '../candidates/inactivity.server.js';
import { addDays, addMonths } from '../lib/dates.js';
import { notify, type NotificationDraft, type NotificationEvent } from './emit.server.js';

export const UNFILLED_WITHIN_DAYS = 14;
export const DUE_WITHIN_DAYS = 7;
export const START_REMINDER_DAYS = 3;
export const ERASURE_WARNING_DAYS = 7;
export const INACTIVITY_WARNING_DAYS = 14;
const OFFERS_PER_RUN = 5_000;

export type ScheduleDeps = { db: Kysely<DB>; clock: () => Date };

export type ScheduleRun = Record<'unfilled' | 'milestones' | 'ends' | 'starts' | 'erasures' | 'inactivity' | 'offers', number>;

/** One reminder in its own transaction; the recipients are read inside it (PGlite has one connection, held by the transaction). */
async function once(
  deps: ScheduleDeps,
  event: Omit<NotificationEvent, 'actorUserId' | 'at'>,
  drafts: (db: Executor) => Promise<NotificationDraft[]>,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => notify(trx, { ...event, actorUserId: null, at: deps.clock() }, await drafts(trx)));
}

const employerDrafts = async (db: Executor, organisationId: string, draft: Omit<NotificationDraft, 'userId'>) =>
  (await selectEmployerUserIds(db, organisationId)).map((userId) => ({ ...draft, userId }));
const consultantDrafts = async (db: Executor, jobcentreId: string, draft: Omit<NotificationDraft, 'userId'>) =>
  (await selectConsultantUserIds(db, jobcentreId)).map((userId) => ({ ...draft, userId }));

/** One run of every reminder; returns how many notifications each wrote. */
export async function runScheduledNotices(deps: ScheduleDeps): Promise<ScheduleRun> {
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const run: ScheduleRun = { unfilled: 0, milestones: 0, ends: 0, starts: 0, erasures: 0, inactivity: 0, offers: 0 };

  for (const slot of await selectUnfilledSlotsStarting(deps.db, today, addDays(today, UNFILLED_WITHIN_DAYS))) {
    const open = slot.positions - Number(slot.filled ?? 0);
    if (open <= 0) continue;
    run.unfilled += await once(
      deps,
      { kind: 'slot.unfilled', subjectType: 'slot', subjectId: slot.id, dedupeKey: `slot_unfilled:${slot.id}:${slot.start_date}` },
      (db) =>
        employerDrafts(db, slot.organisation_id, {
          kind: 'slot_unfilled',
          params: { slotTitle: slot.title, startDate: slot.start_date, count: open },
          link: `/employer/slots/${slot.id}`,
        }),
    );
  }

  for (const due of await selectMilestonesDue(deps.db, today, addDays(today, DUE_WITHIN_DAYS))) {
    const params = { slotTitle: due.slot_title, milestone: due.kind, dueOn: due.due_on };
    run.milestones += await once(
      deps,
      {
        kind: 'placement.milestone_due',
        subjectType: 'placement',
        subjectId: due.placement_id,
        dedupeKey: `milestone:${due.placement_id}:${due.kind}:${due.due_on}`,
      },
      async (db) => [
        ...(await employerDrafts(db, due.organisation_id, { kind: 'milestone_due_employer', params, link: `/employer/slots/${due.slot_id}` })),
        ...(await consultantDrafts(db, due.jobcentre_id, {
          kind: 'placement_due',
          params: { ...params, candidateName: due.candidate_name },
          link: '/consultant/placements',
        })),
      ],
    );
  }

  for (const ending of await selectPlacementsEnding(deps.db, today, addDays(today, DUE_WITHIN_DAYS))) {
    const params = { slotTitle: ending.slot_title, milestone: `end_${ending.type}`, dueOn: ending.end_date };
    run.ends += await once(
      deps,
      { kind: 'placement.ending', subjectType: 'placement', subjectId: ending.id, dedupeKey: `placement_end:${ending.id}:${ending.end_date}` },
      async (db) => [
        // The employer hears of the end of a praktik (issue 23); every end is the consultant's to follow.
        ...(ending.type === 'praktik'
          ? await employerDrafts(db, ending.organisation_id, { kind: 'milestone_due_employer', params, link: `/employer/slots/${ending.slot_id}` })
          : []),
        ...(await consultantDrafts(db, ending.jobcentre_id, {
          kind: 'placement_due',
          params: { ...params, candidateName: ending.candidate_name },
          link: '/consultant/placements',
        })),
      ],
    );
  }

  for (const starting of await selectPlacementsStarting(deps.db, today, addDays(today, START_REMINDER_DAYS))) {
    const userId = starting.user_id;
    if (userId === null) continue;
    run.starts += await once(
      deps,
      {
        kind: 'placement.starting',
        subjectType: 'placement',
        subjectId: starting.id,
        dedupeKey: `placement_start:${starting.id}:${starting.start_date}`,
      },
      async () => [
        {
          userId,
          kind: 'placement_starting',
          params: { slotTitle: starting.slot_title, organisationName: starting.organisation_name, startDate: starting.start_date },
          link: '/candidate',
        },
      ],
    );
  }

  for (const request of await selectErasureDeadlinesBy(deps.db, addDays(today, ERASURE_WARNING_DAYS))) {
    run.erasures += await once(
      deps,
      { kind: 'erasure.deadline', subjectType: 'erasure_request', subjectId: request.id, dedupeKey: `erasure:${request.id}:${request.deadline}` },
      (db) =>
        consultantDrafts(db, request.jobcentre_id, { kind: 'erasure_deadline', params: { deadline: request.deadline }, link: '/consultant/erasure' }),
    );
  }

  // Flagged 12 months after the last activity: warn those whose 12 months end within the warning days.
  const cutoff = inactivityCutoff(now);
  const warnFrom = cutoff;
  const warnTo = new Date(cutoff.getTime() + INACTIVITY_WARNING_DAYS * 24 * 60 * 60 * 1000);
  for (const candidate of await selectCandidatesNearingInactivity(deps.db, warnFrom, warnTo)) {
    const userId = candidate.user_id;
    if (userId === null) continue;
    const lastActive = new Date(candidate.last_active_at).toISOString().slice(0, 10);
    run.inactivity += await once(
      deps,
      {
        kind: 'candidate.inactivity_soon',
        subjectType: 'candidate',
        subjectId: candidate.id,
        dedupeKey: `inactivity_soon:${candidate.id}:${lastActive}`,
      },
      async () => [{ userId, kind: 'inactivity_soon', params: { inactiveOn: addMonths(lastActive, 12) }, link: '/candidate' }],
    );
  }

  const untold = await selectUntoldOffers(deps.db, OFFERS_PER_RUN);
  const byCandidate = new Map<string, { userId: string; slotIds: string[] }>();
  for (const row of untold) {
    if (row.user_id === null) continue;
    const entry = byCandidate.get(row.candidate_id) ?? { userId: row.user_id, slotIds: [] };
    entry.slotIds.push(row.slot_id);
    byCandidate.set(row.candidate_id, entry);
  }
  for (const [candidateId, entry] of byCandidate) {
    run.offers += await deps.db.transaction().execute(async (trx) => {
      const at = deps.clock();
      // The offers are told once each, in the same transaction as the notification that tells them.
      await insertOfferNotices(trx, candidateId, entry.slotIds, at);
      return notify(trx, { kind: 'candidate.new_offers', actorUserId: null, subjectType: 'candidate', subjectId: candidateId, at }, [
        { userId: entry.userId, kind: 'new_offers', params: { count: entry.slotIds.length }, link: '/candidate/offers' },
      ]);
    });
  }
  return run;
}
