/**
 * SQL for the inactivity review (a candidate with no login or profile save
 * for 12 months is flagged and asked to confirm or archive) and for the CPR
 * table, which holds ciphertext and a keyed lookup hash only.
 */
import { sql, type Insertable, type NotNull } from 'kysely';
import type { Executor } from '../client.server.js';
import type { CandidateCprTable, Locale } from '../schema.js';

/** Records activity of a candidate (a profile save). */
export async function touchCandidateActivity(db: Executor, candidateId: string, at: Date): Promise<void> {
  await db.updateTable('candidates').set({ last_active_at: at }).where('id', '=', candidateId).execute();
}

/** Records activity of the candidate behind a user account (a login); nothing for other users. */
export async function touchCandidateActivityOfUser(db: Executor, userId: string, at: Date): Promise<void> {
  await db.updateTable('candidates').set({ last_active_at: at }).where('user_id', '=', userId).execute();
}

/**
 * Flags every confirmed, active candidate whose last activity is at or
 * before `cutoff` and who is not flagged yet; returns how many. One
 * statement, so two processes running the review at once flag each person once.
 */
export async function flagCandidatesInactiveSince(db: Executor, cutoff: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('candidates')
    .set({ inactivity_flagged_at: now })
    .where('status', '=', 'active')
    .where('confirmed_at', 'is not', null)
    .where('inactivity_flagged_at', 'is', null)
    .where('last_active_at', '<=', cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type ReviewMailRow = { id: string; full_name: string; email: string; locale: Locale | null };

/**
 * Claims up to `limit` flagged candidates whose review mail has not gone out
 * (and who have an address), marking them mailed in the same statement; rows
 * another process holds are skipped. The caller sends the mails and releases
 * a claim whose mail failed.
 */
export async function claimReviewMails(db: Executor, now: Date, limit: number): Promise<ReviewMailRow[]> {
  const result = await sql<ReviewMailRow>`
    update candidates c set inactivity_mailed_at = ${now}
    where c.id in (
      select d.id from candidates d
      left join users u on u.id = d.user_id
      where d.status = 'active' and d.inactivity_flagged_at is not null and d.inactivity_mailed_at is null
        and coalesce(d.email, u.email) is not null
      order by d.inactivity_flagged_at, d.id
      limit ${limit}
      for update of d skip locked)
    returning c.id, c.full_name,
      coalesce(c.email, (select u.email from users u where u.id = c.user_id)) as email,
      (select u.locale from users u where u.id = c.user_id) as locale`.execute(db);
  return result.rows;
}

export async function releaseReviewMail(db: Executor, candidateId: string): Promise<void> {
  await db.updateTable('candidates').set({ inactivity_mailed_at: null }).where('id', '=', candidateId).execute();
}

export type ReviewStateRow = {
  id: string;
  jobcentre_id: string;
  status: 'pending' | 'active' | 'inactive' | 'archived';
  confirmed_at: Date | null;
  inactivity_flagged_at: Date | null;
  archived_at: Date | null;
};

const reviewColumns = ['id', 'jobcentre_id', 'status', 'confirmed_at', 'inactivity_flagged_at', 'archived_at'] as const;

export async function selectReviewStateOfUser(db: Executor, userId: string): Promise<ReviewStateRow | undefined> {
  return db.selectFrom('candidates').select(reviewColumns).where('user_id', '=', userId).executeTakeFirst();
}

export async function selectReviewState(db: Executor, candidateId: string): Promise<ReviewStateRow | undefined> {
  return db.selectFrom('candidates').select(reviewColumns).where('id', '=', candidateId).executeTakeFirst();
}

/**
 * The candidate is still looking: the flag goes, the 12 months start again
 * from `now`, and an archived profile comes back (active when the jobcentre
 * had confirmed it, otherwise pending).
 */
export async function markCandidateStillLooking(db: Executor, candidateId: string, now: Date): Promise<void> {
  await db
    .updateTable('candidates')
    .set({
      last_active_at: now,
      inactivity_flagged_at: null,
      inactivity_mailed_at: null,
      archived_at: null,
      status: sql<'pending' | 'active' | 'inactive' | 'archived'>`case when status <> 'archived' then status
        when confirmed_at is not null then 'active' else 'pending' end`,
      updated_at: now,
    })
    .where('id', '=', candidateId)
    .execute();
}

export async function markCandidateArchived(db: Executor, candidateId: string, now: Date): Promise<void> {
  await db
    .updateTable('candidates')
    .set({ status: 'archived', archived_at: now, inactivity_flagged_at: null, inactivity_mailed_at: null, updated_at: now })
    .where('id', '=', candidateId)
    .execute();
}

export type FlaggedCandidateRow = {
  id: string;
  full_name: string;
  last_active_at: Date;
  inactivity_flagged_at: Date;
  inactivity_mailed_at: Date | null;
  cpr_ciphertext: string | null;
};

/** Flagged, still active candidates of one jobcentre, longest flagged first. */
export async function selectFlaggedCandidatesOfJobcentre(db: Executor, jobcentreId: string): Promise<FlaggedCandidateRow[]> {
  return db
    .selectFrom('candidates')
    .leftJoin('candidate_cprs', 'candidate_cprs.candidate_id', 'candidates.id')
    .select([
      'candidates.id',
      'candidates.full_name',
      'candidates.last_active_at',
      'candidates.inactivity_flagged_at',
      'candidates.inactivity_mailed_at',
      'candidate_cprs.cpr_ciphertext',
    ])
    .where('candidates.jobcentre_id', '=', jobcentreId)
    .where('candidates.status', '=', 'active')
    .where('candidates.inactivity_flagged_at', 'is not', null)
    .orderBy('candidates.inactivity_flagged_at')
    .orderBy('candidates.full_name')
    .$narrowType<{ inactivity_flagged_at: NotNull }>()
    .execute();
}

// ---- CPR -------------------------------------------------------------------------

/**
 * Holds the lookup hash until the transaction ends, so two registrations of
 * one number at the same moment are checked one after the other (the column
 * is not unique: the same number may stand at two jobcentres, flagged).
 */
export async function lockCprLookupHash(db: Executor, lookupHash: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${lookupHash}))`.execute(db);
}

/** The candidates (and their jobcentres) already registered with this CPR lookup hash. */
export async function selectCandidatesWithCprHash(db: Executor, lookupHash: string): Promise<Array<{ candidate_id: string; jobcentre_id: string }>> {
  return db
    .selectFrom('candidate_cprs')
    .innerJoin('candidates', 'candidates.id', 'candidate_cprs.candidate_id')
    .select(['candidate_cprs.candidate_id', 'candidates.jobcentre_id'])
    .where('candidate_cprs.cpr_lookup_hash', '=', lookupHash)
    .execute();
}

export async function insertCandidateCpr(db: Executor, row: Insertable<CandidateCprTable>): Promise<void> {
  await db.insertInto('candidate_cprs').values(row).execute();
}

export async function selectCprCiphertext(db: Executor, candidateId: string): Promise<string | null> {
  const row = await db.selectFrom('candidate_cprs').select('cpr_ciphertext').where('candidate_id', '=', candidateId).executeTakeFirst();
  return row?.cpr_ciphertext ?? null;
}
