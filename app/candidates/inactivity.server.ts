/**
 * The inactivity review (issue 8): a confirmed candidate with no login and
 * no profile save for 12 calendar months is flagged, gets one short mail,
 * and sees "Are you still looking for work?" on their start page; the
 * consultants of their jobcentre see them at /consultant/inactive. Either
 * side confirms (the 12 months start again) or archives (the profile leaves
 * the search index through the outbox, and with it matching). An archived
 * candidate reactivates by logging in and confirming.
 *
 * The daily run (`startInactivityReview`, started by app/services.server.ts,
 * and `npm run candidates:flag-inactive`) is idempotent and safe in several
 * processes at once: flagging and claiming a mail are single statements.
 */
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { Kysely } from 'kysely';
import {
  claimReviewMails,
  flagCandidatesInactiveSince,
  markCandidateArchived,
  markCandidateStillLooking,
  releaseReviewMail,
  selectFlaggedCandidatesOfJobcentre,
  selectReviewState,
  selectReviewStateOfUser,
  type ReviewStateRow,
} from '../../db/queries/inactivity.js';
import type { DB, Locale } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import type { SessionUser } from '../auth/session.server.js';
import arReview from '../i18n/locales/ar/review.json';
import daReview from '../i18n/locales/da/review.json';
import enReview from '../i18n/locales/en/review.json';
import ukReview from '../i18n/locales/uk/review.json';
import { addMonths, daysBetween } from '../lib/dates.js';
import { Conflict, Forbidden, NotFound } from '../lib/errors.js';
import type { Mailer } from '../mail/mailer.server.js';
import { CprDecryptionError, maskCpr, type CprCipher } from './cpr.server.js';
import { readOwnCandidate } from './profile.server.js';

export const INACTIVITY_MONTHS = 12;
export const REVIEW_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Mails claimed per round; a round repeats until none are left. */
const MAIL_BATCH = 100;

const MAIL: Record<Locale, { subject: string; text: string }> = {
  da: daReview.mail,
  en: enReview.mail,
  ar: arReview.mail,
  uk: ukReview.mail,
};

/**
 * The latest last-activity time that counts as inactive at `now`: the same
 * instant 12 calendar months earlier, in UTC (a day missing in the earlier
 * month clamps to its last day, as everywhere in Jobbro's date arithmetic).
 */
export function inactivityCutoff(now: Date): Date {
  const iso = now.toISOString();
  return new Date(`${addMonths(iso.slice(0, 10), -INACTIVITY_MONTHS)}${iso.slice(10)}`);
}

export type ReviewRunDeps = { db: Kysely<DB>; mailer: Mailer; clock: () => Date; logger?: { warn(obj: object, msg: string): void } };
export type ReviewRunSummary = { flagged: number; mailed: number; failed: number };

/**
 * Flags every confirmed, active candidate inactive for 12 months and mails
 * each one once. A mail that fails is released and tried again on the next
 * run; a second run on the same day flags and mails nobody.
 */
export async function flagInactiveCandidates(deps: ReviewRunDeps): Promise<ReviewRunSummary> {
  const now = deps.clock();
  const flagged = await flagCandidatesInactiveSince(deps.db, inactivityCutoff(now), now);
  let mailed = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimReviewMails(deps.db, now, MAIL_BATCH);
    let batchFailed = 0;
    for (const row of batch) {
      const text = MAIL[row.locale ?? 'da'];
      try {
        await deps.mailer.send({ to: row.email, subject: text.subject, text: text.text.replace('{{name}}', () => row.full_name) });
        mailed += 1;
      } catch (error) {
        batchFailed += 1;
        await releaseReviewMail(deps.db, row.id);
        deps.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'inactivity review: a mail could not be sent; will retry');
      }
    }
    failed += batchFailed;
    // A failure usually means the mail server is down: the released mails wait for the next run.
    if (batch.length < MAIL_BATCH || batchFailed > 0) break;
  }
  return { flagged, mailed, failed };
}

export type InactivityReviewSchedule = { stop(): Promise<void> };

/**
 * Runs the review now and then every `intervalMs` (default 24 h). Never
 * throws: a failed run is logged and the next one tries again.
 */
export function startInactivityReview(
  deps: ReviewRunDeps & { intervalMs?: number; logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void } },
): InactivityReviewSchedule {
  const intervalMs = deps.intervalMs ?? REVIEW_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runOnce = async () => {
    try {
      const summary = await flagInactiveCandidates(deps);
      if (summary.flagged + summary.mailed + summary.failed > 0) deps.logger.info(summary, 'inactivity review');
    } catch (error) {
      deps.logger.warn({ err: error }, 'inactivity review failed; will try again');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().then(() => schedule(intervalMs));
    }, delay);
    timer.unref?.();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

// ---- the candidate's own answer ------------------------------------------------------

export type ReviewAnswer = 'stillLooking' | 'archive';
export type OwnReview = { state: 'none' | 'flagged' | 'archived' };

function reviewStateOf(row: ReviewStateRow): OwnReview['state'] {
  if (row.status === 'archived') return 'archived';
  return row.inactivity_flagged_at !== null ? 'flagged' : 'none';
}

/** Whether the logged-in candidate's start page asks the question (flagged) or offers reactivation (archived). */
export async function ownInactivityReview(deps: { db: Kysely<DB> }, user: Pick<SessionUser, 'id' | 'role'>): Promise<OwnReview> {
  const row = await readOwnCandidate(user, (userId) => selectReviewStateOfUser(deps.db, userId));
  return { state: reviewStateOf(row) };
}

async function applyAnswer(
  deps: { db: Kysely<DB>; clock: () => Date },
  actor: { userId: string; by: 'candidate' | 'consultant' },
  row: ReviewStateRow,
  answer: ReviewAnswer,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    if (answer === 'archive') {
      if (row.status === 'archived') throw new Conflict('The profile is already archived');
      await markCandidateArchived(trx, row.id, now);
    } else {
      await markCandidateStillLooking(trx, row.id, now);
    }
    // Archiving takes the document out (it is no longer active); reactivating puts it back. The outbox worker re-matches either way.
    if (answer === 'archive' || row.status === 'archived') await enqueueIndexChange(trx, { index: 'candidates', id: row.id, operation: 'upsert' });
    await insertAuditEntry(trx, {
      actorUserId: actor.userId,
      action: answer === 'archive' ? 'candidate.review.archive' : 'candidate.review.confirm',
      subjectType: 'candidate',
      subjectId: row.id,
      details: { by: actor.by },
    });
  });
}

/**
 * The candidate answers on their start page: still looking (clears the flag,
 * records activity, reactivates an archived profile) or archive.
 * @throws Forbidden (not a candidate), NotFound (no profile), Conflict (archiving twice).
 */
export async function answerInactivityReview(
  deps: { db: Kysely<DB>; clock: () => Date },
  user: Pick<SessionUser, 'id' | 'role'>,
  answer: ReviewAnswer,
): Promise<void> {
  const row = await readOwnCandidate(user, (userId) => selectReviewStateOfUser(deps.db, userId));
  await applyAnswer(deps, { userId: user.id, by: 'candidate' }, row, answer);
}

// ---- the consultant's list ---------------------------------------------------------

export type FlaggedCandidate = {
  id: string;
  name: string;
  /** 'YYYY-MM-DD' (UTC). */
  lastActiveOn: string;
  flaggedOn: string;
  daysFlagged: number;
  mailed: boolean;
  /** DDMMYY-•••• when a CPR is on file and the key is configured; null otherwise. */
  maskedCpr: string | null;
};

type Consultant = Pick<SessionUser, 'id' | 'role' | 'jobcentreId'>;

function ownJobcentre(consultant: Consultant): string {
  if (consultant.role !== 'consultant' || !consultant.jobcentreId) throw new Forbidden('Only jobcentre consultants review candidates');
  return consultant.jobcentreId;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Flagged candidates of the consultant's own jobcentre, longest flagged
 * first, with days since flagged and the masked CPR.
 * @throws Forbidden (not a consultant with a jobcentre).
 */
export async function listFlaggedCandidates(
  deps: { db: Kysely<DB>; clock: () => Date; cprCipher: CprCipher | null },
  consultant: Consultant,
): Promise<FlaggedCandidate[]> {
  const jobcentreId = ownJobcentre(consultant);
  const today = dayOf(deps.clock());
  const rows = await selectFlaggedCandidatesOfJobcentre(deps.db, jobcentreId);
  return rows.map((row) => ({
    id: row.id,
    name: row.full_name,
    lastActiveOn: dayOf(row.last_active_at),
    flaggedOn: dayOf(row.inactivity_flagged_at),
    daysFlagged: Math.max(0, daysBetween(dayOf(row.inactivity_flagged_at), today)),
    mailed: row.inactivity_mailed_at !== null,
    maskedCpr: maskStored(deps.cprCipher, row.cpr_ciphertext),
  }));
}

function maskStored(cipher: CprCipher | null, stored: string | null): string | null {
  if (!cipher || stored === null) return null;
  try {
    return maskCpr(cipher.decrypt(stored));
  } catch (error) {
    // Stored under an earlier key: show that one exists rather than fail the page.
    if (error instanceof CprDecryptionError) return '••••••-••••';
    throw error;
  }
}

/**
 * A consultant answers for a candidate of their own jobcentre: still looking
 * (the 12 months start again) or archive.
 * @throws Forbidden (not a consultant, or another jobcentre's candidate), NotFound, Conflict (archiving twice).
 */
export async function reviewCandidateAsConsultant(
  deps: { db: Kysely<DB>; clock: () => Date },
  consultant: Consultant,
  input: { candidateId: string; answer: ReviewAnswer },
): Promise<void> {
  const jobcentreId = ownJobcentre(consultant);
  const row = await selectReviewState(deps.db, input.candidateId);
  if (!row) throw new NotFound('Candidate', input.candidateId);
  if (row.jobcentre_id !== jobcentreId) throw new Forbidden('Only the candidate’s own jobcentre may decide');
  await applyAnswer(deps, { userId: consultant.id, by: 'consultant' }, row, input.answer);
}
