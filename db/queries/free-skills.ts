/**
 * SQL for skills in a candidate's own words (issue 25, item 4): the
 * candidate adds and removes them; consultants of the candidate's jobcentre
 * list the open ones and record a mapping to a taxonomy skill or leave them.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { FreeSkillStatus, Locale } from '../schema.js';

export type FreeSkillRow = {
  id: string;
  text: string;
  lang: Locale;
  status: FreeSkillStatus;
  mapped_skill_uri: string | null;
  created_at: Date;
  decided_at: Date | null;
};

export type OpenFreeSkillRow = {
  id: string;
  text: string;
  lang: Locale;
  created_at: Date;
  candidate_id: string;
  candidate_name: string;
};

export type FreeSkillReviewRow = {
  id: string;
  text: string;
  status: FreeSkillStatus;
  candidate_id: string;
  jobcentre_id: string;
  candidate_user_id: string | null;
  candidate_locale: Locale | null;
};

/** Inserts the words unless the candidate wrote the same words before; true when a row was added. */
export async function insertFreeSkill(db: Executor, row: { candidateId: string; text: string; lang: Locale; at: Date }): Promise<boolean> {
  const result = await sql<{ id: string }>`insert into candidate_free_skills (candidate_id, text, lang, created_at)
    values (${row.candidateId}, ${row.text}, ${row.lang}, ${row.at})
    on conflict (candidate_id, lower(btrim(text))) do nothing
    returning id`.execute(db);
  return result.rows.length > 0;
}

export async function countFreeSkillsOfCandidate(db: Executor, candidateId: string): Promise<number> {
  const row = await db
    .selectFrom('candidate_free_skills')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('candidate_id', '=', candidateId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The candidate's own words, oldest first. */
export async function selectFreeSkillsOfCandidate(db: Executor, candidateId: string): Promise<FreeSkillRow[]> {
  return db
    .selectFrom('candidate_free_skills')
    .select(['id', 'text', 'lang', 'status', 'mapped_skill_uri', 'created_at', 'decided_at'])
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Deletes one of the candidate's own rows; false when the id is not theirs. */
export async function deleteFreeSkill(db: Executor, candidateId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('candidate_free_skills').where('candidate_id', '=', candidateId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Words not yet reviewed, of the jobcentre's candidates (one candidate's when given), oldest first. */
export async function selectOpenFreeSkills(
  db: Executor,
  filter: { jobcentreId: string; candidateId: string | null; limit: number },
): Promise<OpenFreeSkillRow[]> {
  let query = db
    .selectFrom('candidate_free_skills as f')
    .innerJoin('candidates as c', 'c.id', 'f.candidate_id')
    .select(['f.id', 'f.text', 'f.lang', 'f.created_at', 'c.id as candidate_id', 'c.full_name as candidate_name'])
    .where('c.jobcentre_id', '=', filter.jobcentreId)
    .where('f.status', '=', 'open');
  if (filter.candidateId !== null) query = query.where('c.id', '=', filter.candidateId);
  return query.orderBy('f.created_at').orderBy('f.id').limit(filter.limit).execute();
}

/** One row with what a review needs: whose it is, their jobcentre, and who to tell in which language. Locks the row. */
export async function findFreeSkillForReview(db: Executor, id: string): Promise<FreeSkillReviewRow | undefined> {
  return db
    .selectFrom('candidate_free_skills as f')
    .innerJoin('candidates as c', 'c.id', 'f.candidate_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select([
      'f.id',
      'f.text',
      'f.status',
      'c.id as candidate_id',
      'c.jobcentre_id',
      'c.user_id as candidate_user_id',
      'u.locale as candidate_locale',
    ])
    .where('f.id', '=', id)
    .forUpdate('f')
    .executeTakeFirst();
}

export async function setFreeSkillDecision(
  db: Executor,
  id: string,
  decision: { status: 'mapped' | 'left'; mappedSkillUri: string | null; decidedBy: string; at: Date },
): Promise<void> {
  await db
    .updateTable('candidate_free_skills')
    .set({ status: decision.status, mapped_skill_uri: decision.mappedSkillUri, decided_by: decision.decidedBy, decided_at: decision.at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}
